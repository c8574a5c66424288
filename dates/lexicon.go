package dates

import (
	"bufio"
	"embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/marsad/marsad/arabic"
)

//go:embed data/*.txt
var dataFS embed.FS

// trie maps word sequences (folded, one word per level) to a value, for names of more than one word such as
// "تشرين الأول" or "الثالث والعشرين".
type trie struct {
	kids map[string]*trie
	val  int
	ok   bool
}

func (t *trie) add(words []string, v int) {
	for _, w := range words {
		if t.kids == nil {
			t.kids = make(map[string]*trie)
		}
		k := t.kids[w]
		if k == nil {
			k = &trie{}
			t.kids[w] = k
		}
		t = k
	}
	t.val, t.ok = v, true
}

// Month values pack the month number with flags.
const (
	monthHijri = 1 << 8
	monthWeak  = 1 << 9
)

// lexicon holds the folded word tables the scanner matches against.
type lexicon struct {
	months   trie
	ordinals trie
	weekdays map[string]int
	cards    map[string]int

	today, yesterday, tomorrow, morrow, after, first, night map[string]int
	ago, unit, period, mod, this                            map[string]int
	dayword, monthword, of, like, agree                     map[string]int
	yearkw, yearpair, hijri, greg                           map[string]int
	ctx, ordctx, todayprev, todaynext, generic              map[string]int
	both, future, needs, perday                             map[string]int
	moon                                                    []moonTerm // new-moon series for the Umm al-Qura calendar
	// starts holds every word that can begin an expression, so the scanner skips all others at once.
	starts map[string]bool
}

// readTable calls fn with the tab-separated fields of every non-comment line of data/name.
func readTable(name string, fn func(fields []string) error) error {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("data/%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

func atoi(fields []string, i int) (int, error) {
	if i >= len(fields) {
		return 0, fmt.Errorf("missing field %d", i+1)
	}
	return strconv.Atoi(fields[i])
}

// foldWords folds a phrase and splits it into the words the scanner sees.
func foldWords(s string) []string { return strings.Fields(arabic.Fold(s)) }

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{weekdays: map[string]int{}, cards: map[string]int{}}
	err := readTable("months.txt", func(f []string) error {
		m, err := atoi(f, 1)
		if err != nil || m < 1 || m > 12 || len(f) < 3 {
			return fmt.Errorf("bad month line %q", f)
		}
		if f[2] == "h" {
			m |= monthHijri
		}
		if len(f) > 3 && f[3] == "weak" {
			m |= monthWeak
		}
		lx.months.add(foldWords(f[0]), m)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTable("weekdays.txt", func(f []string) error {
		d, err := atoi(f, 1)
		if err != nil || d < 0 || d > 6 {
			return fmt.Errorf("bad weekday line %q", f)
		}
		lx.weekdays[arabic.Fold(f[0])] = d
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := lx.loadOrdinals(); err != nil {
		return nil, err
	}
	err = readTable("cardinals.txt", func(f []string) error {
		v, err := atoi(f, 1)
		if err != nil {
			return err
		}
		lx.cards[arabic.Fold(f[0])] = v
		return nil
	})
	if err != nil {
		return nil, err
	}
	cats := map[string]*map[string]int{
		"today": &lx.today, "yesterday": &lx.yesterday, "tomorrow": &lx.tomorrow, "morrow": &lx.morrow,
		"after": &lx.after, "first": &lx.first, "night": &lx.night, "ago": &lx.ago, "unit": &lx.unit, "period": &lx.period,
		"mod": &lx.mod, "this": &lx.this, "dayword": &lx.dayword, "monthword": &lx.monthword, "of": &lx.of,
		"like": &lx.like, "agree": &lx.agree, "yearkw": &lx.yearkw, "yearpair": &lx.yearpair,
		"hijri": &lx.hijri, "greg": &lx.greg, "ctx": &lx.ctx, "ordctx": &lx.ordctx,
		"todayprev": &lx.todayprev, "todaynext": &lx.todaynext, "generic": &lx.generic,
		"both": &lx.both, "future": &lx.future, "needs": &lx.needs, "perday": &lx.perday,
	}
	for _, m := range cats {
		*m = map[string]int{}
	}
	err = readTable("words.txt", func(f []string) error {
		m, ok := cats[f[0]]
		if !ok || len(f) < 2 {
			return fmt.Errorf("unknown category in %q", f)
		}
		v := 0
		if len(f) > 2 {
			var err error
			if v, err = atoi(f, 2); err != nil {
				return err
			}
		}
		(*m)[arabic.Fold(f[1])] = v
		return nil
	})
	if err != nil {
		return nil, err
	}
	if lx.moon, err = loadNewMoon(); err != nil {
		return nil, err
	}
	lx.starts = map[string]bool{}
	for _, m := range []map[string]int{lx.weekdays, lx.today, lx.yesterday, lx.tomorrow, lx.after, lx.first,
		lx.night, lx.ago, lx.period, lx.this, lx.dayword, lx.monthword, lx.like, lx.yearkw, lx.yearpair} {
		for w := range m {
			lx.starts[w] = true
		}
	}
	for _, t := range []*trie{&lx.months, &lx.ordinals} {
		for w := range t.kids {
			lx.starts[w] = true
		}
	}
	for w, v := range lx.cards {
		if v >= 1000 {
			lx.starts[w] = true
		}
	}
	return lx, nil
}

// loadOrdinals builds every day ordinal from 1 to 31 out of its parts: units alone, unit + teen (الحادي عشر),
// tens alone (العشرين) and unit + و + tens (الحادي والثلاثين).
func (lx *lexicon) loadOrdinals() error {
	type part struct {
		w string
		v int
	}
	var units, compounds, teens, tens []part
	err := readTable("ordinals.txt", func(f []string) error {
		v, err := atoi(f, 2)
		if err != nil {
			return err
		}
		p := part{arabic.Fold(f[1]), v}
		switch f[0] {
		case "unit":
			units = append(units, p)
		case "compound":
			compounds = append(compounds, p)
		case "teen":
			teens = append(teens, p)
		case "tens":
			tens = append(tens, p)
		default:
			return fmt.Errorf("unknown ordinal kind %q", f[0])
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, u := range units {
		lx.ordinals.add([]string{u.w}, u.v)
	}
	for _, t := range tens {
		lx.ordinals.add([]string{t.w}, t.v)
	}
	// 11, 21 and 31 start with الحادي, never with "الأول"; 10 has no compound.
	starts := compounds
	for _, u := range units {
		if u.v >= 2 && u.v <= 9 {
			starts = append(starts, u)
		}
	}
	for _, u := range starts {
		for _, t := range teens {
			lx.ordinals.add([]string{u.w, t.w}, 10+u.v)
		}
		for _, t := range tens {
			if t.v+u.v <= 31 {
				lx.ordinals.add([]string{u.w, "و" + t.w}, t.v+u.v)
			}
		}
	}
	return nil
}
