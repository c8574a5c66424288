package arabic

import (
	"strings"
	"unicode/utf8"
)

// Stemming works on folded words (see Fold) and follows Larkey's light10: strip the conjunction و, then the
// article with its attached prepositions, then one of the common suffixes, keeping at least a short root.
// It trades some precision for recall: "والباغوز" → "باغوز", "الإرهابية" → "ارهاب".

var articlePrefixes = []string{"وال", "فال", "بال", "كال", "لل", "ال"}

// Longest first, so "ات" wins over nothing and "ها" over "ه".
var suffixes = []string{"ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// Stem returns the light stem of a folded word.
func Stem(w string) string {
	if runeLen(w) >= 4 && strings.HasPrefix(w, "و") && !strings.HasPrefix(w, "وال") {
		w = w[len("و"):]
	}
	for _, p := range articlePrefixes {
		if strings.HasPrefix(w, p) && runeLen(w)-runeLen(p) >= 2 {
			w = w[len(p):]
			break
		}
	}
	for _, s := range suffixes {
		if strings.HasSuffix(w, s) && runeLen(w)-runeLen(s) >= 2 {
			w = w[:len(w)-len(s)]
			break
		}
	}
	return w
}

// CliticVariant returns the stem of w read with a leading one-letter preposition or conjunction (ب ل ك ف)
// removed, and false when w does not start with one or would be too short. Such a letter is often part of the
// word itself ("بلدة"), so callers index the variant beside the stem rather than replacing it: "لقسد" is also
// found by "قسد".
func CliticVariant(w string) (string, bool) {
	for _, p := range []string{"ب", "ل", "ك", "ف"} {
		if strings.HasPrefix(w, p) && runeLen(w) >= 4 && !strings.HasPrefix(w[len(p):], "ال") {
			// A two-letter variant ("لبنان" → "بن") is more often a different frequent word than the one meant.
			if v := Stem(w[len(p):]); runeLen(v) >= 3 {
				return v, true
			}
			return "", false
		}
	}
	return "", false
}
