// dyad/document.h — a story's text after the text stage: normalised, split
// into sentences and tokens, every token pointing back into the original.
//
//   Document doc;
//   AnalyzeText("MOSCOW - Russia’s army moved. It said so.", &doc);
//   // doc.sentences.size() == 2, doc.dateline == "MOSCOW"
//   // tokens of sentence 0: Russia 's army moved .
//
// Thread-safety: a Document is plain data owned by one worker at a time.
#ifndef DYAD_DOCUMENT_H_
#define DYAD_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

enum class TokenKind : uint8_t {
  kWord,    // letters, with inner apostrophes, hyphens and periods: Kiev, Russian-backed, U.S.
  kNumber,  // 2015, 100,000, 3.5, 1-0
  kPunct,   // . , ; : ! ? ( ) " ' - and the possessive marks 's and '
  kSymbol,  // $ € % & / and anything else
};

enum TokenFlag : uint8_t {
  kCapitalized = 1,  // first character is an upper-case letter
  kAllCaps = 2,      // two or more letters, all upper case (NATO, UN)
  kPossessive = 4,   // the token is the possessive mark 's or a lone ' after a plural
  kHyphenated = 8,   // a word made of parts joined by '-'
};

struct Token {
  uint32_t norm_begin, norm_end;    // [begin, end) in Document::normalized
  uint32_t lower_begin, lower_end;  // [begin, end) in Document::lower
  uint32_t begin, end;              // [begin, end) bytes of Document::original
  TokenKind kind;
  uint8_t flags;
};

struct Sentence {
  uint32_t token_begin, token_end;  // [begin, end) indexes into Document::tokens
  uint32_t begin, end;              // [begin, end) bytes of Document::original
  uint32_t paragraph;               // 0-based paragraph number
  bool heading;                     // a line without final punctuation, kept on its own
};

struct Document {
  std::string original;    // the story text as given (possibly invalid UTF-8)
  std::string normalized;  // valid UTF-8, NFC, ASCII quotes/dashes/spaces
  // to_original[i] = byte of `original` that normalized byte i came from;
  // size normalized.size() + 1 (the last entry is original.size()).
  std::vector<uint32_t> to_original;
  std::string lower;  // lower-cased token forms, addressed by Token::lower_*
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  // A dateline stripped from the first sentence ("MOSCOW", "BEIRUT (Reuters)"),
  // as original byte offsets; dateline_end == 0 when there is none.
  uint32_t dateline_begin = 0, dateline_end = 0;
  uint32_t invalid_bytes = 0;  // invalid UTF-8 bytes replaced by U+FFFD

  std::string_view Text(const Token& t) const {
    return std::string_view(normalized).substr(t.norm_begin, t.norm_end - t.norm_begin);
  }
  std::string_view Lower(const Token& t) const {
    return std::string_view(lower).substr(t.lower_begin, t.lower_end - t.lower_begin);
  }
  std::string_view Original(uint32_t begin, uint32_t end) const {
    return std::string_view(original).substr(begin, end - begin);
  }
  std::string_view Dateline() const { return Original(dateline_begin, dateline_end); }
};

// Runs the whole text stage on `text`: UTF-8 repair, normalisation, dateline,
// sentence splitting and tokenising. Never fails: odd text is repaired and
// counted. `doc` is cleared first, its buffers reused (`text` is copied into
// doc->original).
void AnalyzeText(std::string_view text, Document* doc);

}  // namespace dyad

#endif  // DYAD_DOCUMENT_H_
