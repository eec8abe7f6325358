#include "text/strings.h"

#include <gtest/gtest.h>

namespace dyad::text {
namespace {

TEST(PrintableForMessage, EscapesControlCharacters) {
  EXPECT_EQ(PrintableForMessage("plain id-7"), "plain id-7");
  EXPECT_EQ(PrintableForMessage("caf\xC3\xA9 \xE2\x80\x99"), "caf\xC3\xA9 \xE2\x80\x99");
  EXPECT_EQ(PrintableForMessage("\x1B[2Jx"), "\\x1B[2Jx");
  EXPECT_EQ(PrintableForMessage("a\tb\nc\rd"), "a\\x09b\\x0Ac\\x0Dd");
  EXPECT_EQ(PrintableForMessage(std::string_view("n\0l", 3)), "n\\x00l");
  EXPECT_EQ(PrintableForMessage("del\x7F"), "del\\x7F");
  EXPECT_EQ(PrintableForMessage("csi\xC2\x9B" "31m"), "csi\\u009B31m");  // C1 as UTF-8
  EXPECT_EQ(PrintableForMessage("nbsp\xC2\xA0"), "nbsp\xC2\xA0");        // not a control
  EXPECT_EQ(PrintableForMessage("cut\xC2"), "cut\xC2");
}

}  // namespace
}  // namespace dyad::text
