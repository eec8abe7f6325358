// The text stage driver: repair -> normalise -> tokenize -> split.
#include "dyad/document.h"

#include <cstdint>
#include <string>
#include <vector>

#include "text/normalize.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace dyad {

void AnalyzeText(std::string_view text, Document* doc) {
  // Offsets are 32-bit and repair can triple junk bytes, so a story is cut at
  // 1 GiB (no real story comes close).
  constexpr size_t kMaxSize = size_t{1} << 30;
  doc->original.assign(text.substr(0, kMaxSize));  // into the buffer of the last story
  doc->normalized.clear();
  doc->to_original.clear();
  doc->lower.clear();
  doc->tokens.clear();
  doc->sentences.clear();
  doc->dateline_begin = doc->dateline_end = 0;
  doc->invalid_bytes = 0;

  // Scratch buffers for repaired text, reused across stories on this thread.
  thread_local std::string repaired;
  thread_local std::vector<uint32_t> repaired_to_original;
  const std::string_view original = doc->original;
  if (text::CleanPrefixLength(original) == original.size()) {
    text::Normalize(original, &doc->normalized, &doc->to_original);
  } else {
    doc->invalid_bytes = text::RepairUtf8(original, &repaired, &repaired_to_original);
    text::Normalize(repaired, &doc->normalized, &doc->to_original);
    for (uint32_t& offset : doc->to_original) offset = repaired_to_original[offset];
    constexpr size_t kMaxKept = size_t{64} << 20;  // do not hold on to a huge story's buffers
    if (repaired.capacity() > kMaxKept) {
      std::string().swap(repaired);
      std::vector<uint32_t>().swap(repaired_to_original);
    }
  }

  doc->lower.reserve(doc->normalized.size());
  doc->tokens.reserve(doc->normalized.size() / 5 + 1);
  text::Tokenize(0, static_cast<uint32_t>(doc->normalized.size()), doc);
  text::SplitSentences(doc);
}

}  // namespace dyad
