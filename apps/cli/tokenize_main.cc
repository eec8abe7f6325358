// dyad tokenize: sentences and tokens with byte offsets, as JSON Lines.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "dyad/document.h"
#include "io/story_reader.h"

namespace dyad::cli {
namespace {

const char* KindName(TokenKind k) {
  switch (k) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kSymbol: return "symbol";
  }
  return "?";
}

struct TokenizeArgs {
  std::string date = "2000-01-01";
  std::string input_format = "auto";
  std::vector<std::string> files;
};

int RunTokenize(const TokenizeArgs& a) {
  io::ReaderOptions ropt;
  ropt.default_date = a.date;
  ropt.format = ParseInputFormat(a.input_format);
  io::ReadCounts counts;
  uint64_t errors = 0;
  Document doc;
  auto on_story = [&](Story&& s) {
    AnalyzeText(s.text, &doc);
    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      const Sentence& sen = doc.sentences[i];
      nlohmann::ordered_json j;
      j["story_id"] = s.id;
      j["sentence"] = i;
      j["paragraph"] = sen.paragraph;
      j["heading"] = sen.heading;
      j["begin"] = sen.begin;
      j["end"] = sen.end;
      j["text"] = std::string(doc.Original(sen.begin, sen.end));
      if (i == 0 && doc.dateline_end > 0) j["dateline"] = std::string(doc.Dateline());
      auto toks = nlohmann::ordered_json::array();
      for (uint32_t t = sen.token_begin; t < sen.token_end; ++t) {
        const Token& tok = doc.tokens[t];
        nlohmann::ordered_json tj;
        tj["t"] = std::string(doc.Text(tok));
        tj["b"] = tok.begin;
        tj["e"] = tok.end;
        tj["k"] = KindName(tok.kind);
        toks.push_back(tj);
      }
      j["tokens"] = toks;
      std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
  };
  auto on_error = [&](const std::string& msg) {
    ++errors;
    std::cerr << msg << "\n";
  };
  std::vector<std::string> files = a.files;
  if (files.empty()) files.push_back("-");
  for (const std::string& f : files) io::ReadStories(f, ropt, on_story, on_error, &counts);
  return errors ? kExitBadInput : kExitOk;
}

}  // namespace

RunFn AddTokenizeCommand(CLI::App& app) {
  auto args = std::make_shared<TokenizeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "tokenize",
      "Print each sentence of the input stories with its tokens and their byte offsets into the "
      "original text, one JSON object per sentence (for debugging dictionaries and tests).");
  cmd->add_option("--date", args->date, "Date given to plain-text stories");
  AddInputFormatOption(cmd, &args->input_format);
  cmd->add_option("files", args->files, "Input files (default: stdin)");
  return [args] { return RunTokenize(*args); };
}

}  // namespace dyad::cli
