package arabic

import (
	"strings"
	"unicode/utf8"
)

// Stemming works on folded words (see Fold) and follows Larkey's light10: strip the conjunction و, then the
// article with its attached prepositions, then one of the common suffixes, keeping at least a short root.
// It trades some precision for recall: "والباغوز" → "باغوز", "الإرهابية" → "ارهاب".

var articlePrefixes = []string{"وال", "فال", "بال", "كال", "لل", "ال"}

// suffixes are tried in this order, each at most once, so a plural or nisba ending comes off before the ya
// under it: "الحوثيين" → "حوثي" → "حوث", as "الحوثي" → "حوث". Two additions to light10 fit this news:
// "يا" joins the country to its adjective ("سوريا"، "سورية"، "السوري" → "سور"; "تركيا"، "التركية" → "ترك"),
// and the dual "ان" needs a longer stem, so names like "إيران" and "لبنان" keep it and still match
// "الإيرانية" and "اللبنانية".
var suffixes = []struct {
	suffix  string
	minStem int
}{
	{"ها", 2}, {"ان", 4}, {"ات", 2}, {"ون", 2}, {"ين", 2}, {"يا", 3}, {"يه", 2}, {"ه", 2}, {"ي", 2},
}

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
		if strings.HasSuffix(w, s.suffix) && runeLen(w)-runeLen(s.suffix) >= s.minStem {
			w = w[:len(w)-len(s.suffix)]
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
