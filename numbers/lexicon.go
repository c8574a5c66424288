package numbers

import (
	"bufio"
	"embed"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/marsad/marsad/arabic"
)

//go:embed data/*.txt
var dataFS embed.FS

// wordKind is the grammatical role of a number word, which decides what may precede and follow it.
type wordKind uint8

const (
	kindNone     wordKind = iota
	kindOne               // واحد: a quantity only inside a compound
	kindAhad              // أحد، إحدى: only the first word of a teen
	kindTeenHead          // اثنا، اثني: only before عشر
	kindUnit              // 2-9
	kindTen               // عشر، عشرة
	kindTens              // 20-90
	kindHundred           // 100-900
	kindScale             // ألف، مليون
	kindDual              // ألفين، مليونين: twice the scale
	kindPlural            // آلاف، ملايين: needs a count
	kindFrac              // نصف، ربع: only with a scale
)

var kindNames = map[string]wordKind{
	"one": kindOne, "ahad": kindAhad, "teenhead": kindTeenHead, "unit": kindUnit, "ten": kindTen,
	"tens": kindTens, "hundred": kindHundred, "scale": kindScale, "dual": kindDual, "plural": kindPlural,
	"frac": kindFrac,
}

type numWord struct {
	value float64
	kind  wordKind
}

// phrase is a sequence of folded words with the code it stands for.
type phrase struct {
	words []string
	code  string
}

// phraseSet finds phrases by their first word; each list is sorted longest first so the longest match wins.
type phraseSet map[string][]phrase

func (ps phraseSet) add(form, code string) {
	words := splitFolded(form)
	if len(words) == 0 {
		return
	}
	ps[words[0]] = append(ps[words[0]], phrase{words, code})
}

func (ps phraseSet) sort() {
	for _, l := range ps {
		slices.SortStableFunc(l, func(a, b phrase) int { return len(b.words) - len(a.words) })
	}
}

// splitFolded folds s and splits it into words the same way the scanner does, so a table entry such as "كم2"
// becomes the two words the scanner sees.
func splitFolded(s string) []string {
	var sc scanner
	sc.scan(s)
	words := make([]string, len(sc.toks))
	for i, t := range sc.toks {
		words[i] = string(sc.buf[t.fs:t.fe])
	}
	return words
}

// readLines calls fn with the fields of every non-comment line of an embedded data file.
func readLines(name string, fn func(line int, fields []string) error) error {
	data, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(n, strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("data/%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

func (e *Extractor) loadNumbers() error {
	e.words = map[string]numWord{}
	return readLines("numbers.txt", func(_ int, f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("want word, value, kind; got %d fields", len(f))
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return err
		}
		k, ok := kindNames[f[2]]
		if !ok {
			return fmt.Errorf("unknown kind %q", f[2])
		}
		e.words[arabic.Fold(f[0])] = numWord{v, k}
		return nil
	})
}

func (e *Extractor) loadUnits() error {
	e.units, e.square, e.cube = phraseSet{}, map[string]bool{}, map[string]bool{}
	err := readLines("units.txt", func(_ int, f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want code, forms; got %d fields", len(f))
		}
		for form := range strings.SplitSeq(f[1], "|") {
			switch f[0] {
			case "square":
				e.square[arabic.Fold(form)] = true
			case "cube":
				e.cube[arabic.Fold(form)] = true
			default:
				e.units.add(form, f[0])
			}
		}
		return nil
	})
	e.units.sort()
	return err
}

func (e *Extractor) loadQualifiers() error {
	e.pre, e.post = phraseSet{}, phraseSet{}
	err := readLines("qualifiers.txt", func(_ int, f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("want code, position, phrases; got %d fields", len(f))
		}
		set := e.pre
		switch f[1] {
		case "pre":
		case "post":
			set = e.post
		default:
			return fmt.Errorf("unknown position %q", f[1])
		}
		for form := range strings.SplitSeq(f[2], "|") {
			set.add(form, f[0])
		}
		return nil
	})
	e.pre.sort()
	e.post.sort()
	return err
}

// dualNoun is what a dual form counts: its noun in the singular, folded, and the unit the noun names, if any.
type dualNoun struct {
	singular, unit, class string
}

// loadNouns reads the counted nouns: their duals, each a quantity of 2, and the singulars that mark a count
// after a number that looks like a year.
func (e *Extractor) loadNouns() error {
	codes := map[string]bool{}
	for _, l := range e.units {
		for _, ph := range l {
			codes[ph.code] = true
		}
	}
	e.duals, e.counted, e.classes = map[string]dualNoun{}, map[string]bool{}, map[string]string{}
	notDual := map[string]bool{}
	section := ""
	err := readLines("nouns.txt", func(_ int, f []string) error {
		if strings.HasPrefix(f[0], "[") {
			section = strings.Trim(f[0], "[]")
			return nil
		}
		switch section {
		case "notdual":
			notDual[arabic.Fold(f[0])] = true
			return nil
		case "noun":
		default:
			return fmt.Errorf("word outside a known section %q", section)
		}
		if len(f) != 3 {
			return fmt.Errorf("want singular, class, plurals; got %d fields", len(f))
		}
		class, unit := f[1], ""
		switch class {
		case "person", "thing", "time":
		default:
			if !codes[class] {
				return fmt.Errorf("class %q is neither person, thing, time nor a unit of units.txt", class)
			}
			unit = class
		}
		sing := arabic.Fold(f[0])
		stem := sing
		if s, ok := strings.CutSuffix(f[0], "ة"); ok {
			stem = arabic.Fold(s) + "ت" // ساعة → ساعتان
		}
		// A dual spelled like a plural is not read; the sound plural in ون is spelled ين outside the nominative.
		plurals := map[string]bool{}
		for pl := range strings.SplitSeq(f[2], "|") {
			pl = arabic.Fold(pl)
			plurals[pl] = true
			if s, ok := strings.CutSuffix(pl, "ون"); ok {
				plurals[s+"ين"] = true
			}
		}
		for _, d := range [...]string{stem + "ان", stem + "ين"} {
			if _, number := e.words[d]; !plurals[d] && !number {
				if _, taken := e.duals[d]; !taken {
					e.duals[d] = dualNoun{sing, unit, class}
				}
			}
		}
		if unit == "" {
			plurals[sing], plurals[sing+"ا"] = true, true
			for w := range plurals {
				if _, taken := e.classes[w]; !taken {
					e.classes[w] = class
				}
			}
		}
		if class == "person" || class == "thing" {
			e.counted[sing] = true
			if stem == sing {
				e.counted[sing+"ا"] = true // the accusative: "2000 مقاتلاً"
			}
		}
		return nil
	})
	for w := range notDual {
		delete(e.duals, w)
	}
	return err
}

func (e *Extractor) loadContext() error {
	e.months, e.idioms, e.yearAdj, e.yearPreps, e.nameHeads = phraseSet{}, phraseSet{}, map[string]bool{},
		map[string]bool{}, map[string]bool{}
	e.yearWords, e.era, e.labels, e.ordinals, e.weekdays, e.timeWords = map[string]bool{}, map[string]bool{},
		map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	section := ""
	err := readLines("context.txt", func(_ int, f []string) error {
		w := f[0]
		if strings.HasPrefix(w, "[") {
			section = strings.Trim(w, "[]")
			return nil
		}
		switch section {
		case "idiom":
			e.idioms.add(w, "idiom")
		case "month":
			e.months.add(w, "month")
		case "year":
			e.yearWords[arabic.Fold(w)] = true
		case "yearadj":
			e.yearAdj[arabic.Fold(w)] = true
		case "era":
			e.era[arabic.Fold(w)] = true
		case "label":
			e.labels[arabic.Fold(w)] = true
		case "ordinal":
			e.ordinals[arabic.Fold(w)] = true
		case "weekday":
			e.weekdays[arabic.Fold(w)] = true
		case "time":
			e.timeWords[arabic.Fold(w)] = true
		case "yearprep":
			e.yearPreps[arabic.Fold(w)] = true
		case "name":
			e.nameHeads[arabic.Fold(w)] = true
		default:
			return fmt.Errorf("word outside a known section %q", section)
		}
		return nil
	})
	e.months.sort()
	e.idioms.sort()
	return err
}
