package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/marsad/marsad/arabic"
)

// BuildGazetteer writes the gazetteer table the tagger's features read (gzip TSV: phrase key, class bits,
// and for places a written form)
// from the shared data directory: Who's On First places of Syria, Iraq and Turkey with Arabic names, the
// OpenSyria administrative units, and the UniversalPetrarch Arabic actor dictionary.
func BuildGazetteer(w io.Writer, dataDir string) error {
	g := gazTable{bits: map[string]uint8{}, surface: map[string]string{}}
	for _, cc := range []string{"sy", "iq", "tr"} {
		if err := addWOF(g, filepath.Join(dataDir, "wof_gazetteer_sy_iq_tr", "wof_"+cc+".tsv.gz")); err != nil {
			return err
		}
	}
	for _, level := range []string{"governorates", "districts", "subdistricts"} {
		if err := addOpenSyria(g, filepath.Join(dataDir, "syria_admin_opensyria", level+".json")); err != nil {
			return err
		}
	}
	if err := addActors(g, filepath.Join(dataDir, "universalpetrarch_arabic_dicts", "actor_dict_ar_v4.txt")); err != nil {
		return err
	}
	keys := make([]string, 0, len(g.bits))
	for k := range g.bits {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for _, k := range keys {
		fmt.Fprintf(bw, "%s\t%d\t%s\n", k, g.bits[k], g.surface[k])
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// phraseKey returns the gazetteer key of a name: its words folded, without the article, joined by spaces.
// Names with punctuation, Latin letters, more than maxGazWords words or a single short word are skipped:
// they would match by accident more often than by meaning.
func phraseKey(name string) (string, bool) {
	name = strings.TrimSpace(name)
	var words []string
	for _, t := range arabic.AppendTokens(nil, name) {
		words = append(words, gazKey(arabic.Fold(name[t.Start:t.End])))
	}
	if len(words) == 0 || len(words) > maxGazWords || strings.Join(strings.Fields(name), " ") != joinedTokens(name) {
		return "", false
	}
	for _, w := range words {
		for _, r := range w {
			if r < 0x0600 || r > 0x06FF {
				return "", false
			}
		}
	}
	key := strings.Join(words, " ")
	if len(words) == 1 && len([]rune(key)) < 3 {
		return "", false
	}
	return key, true
}

// joinedTokens returns the word tokens of s joined by single spaces; it equals the space-normalized s
// exactly when s has no punctuation.
func joinedTokens(s string) string {
	var parts []string
	for _, t := range arabic.AppendTokens(nil, s) {
		parts = append(parts, s[t.Start:t.End])
	}
	return strings.Join(parts, " ")
}

// gazTable collects phrase keys with their class bits, and for places one written form of the name, which
// training uses to put the gazetteer's places into ANERcorp sentences (see TrainConfig.Augment).
type gazTable struct {
	bits    map[string]uint8
	surface map[string]string
}

func (g gazTable) add(name string, bits uint8) {
	k, ok := phraseKey(name)
	if !ok {
		return
	}
	g.bits[k] |= bits
	if _, seen := g.surface[k]; !seen && bits&gazLoc != 0 {
		g.surface[k] = joinedTokens(name)
	}
}

func addWOF(g gazTable, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var col map[string]int
	for n := 1; sc.Scan(); n++ {
		fields := strings.Split(sc.Text(), "\t")
		if col == nil {
			col = map[string]int{}
			for i, name := range fields {
				col[name] = i
			}
			continue
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(fields) {
				return fields[i]
			}
			return ""
		}
		bits := gazLoc
		pop, _ := strconv.Atoi(get("population"))
		switch get("placetype") {
		case "country", "region", "county":
			bits |= gazLocMajor
		default:
			if pop >= 20000 {
				bits |= gazLocMajor
			}
		}
		g.add(get("name_ar_preferred"), bits)
		for _, v := range strings.Split(get("name_ar_variant"), "|") {
			g.add(v, bits)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// adminWords are the unit nouns OpenSyria puts before names ("ناحية مركز الحسكة"); the bare name is added too.
var adminWords = []string{"محافظة ", "منطقة ", "ناحية ", "مركز "}

func addOpenSyria(g gazTable, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var units []struct {
		Name    struct{ Ar string }
		Aliases []struct{ Value, Language string }
	}
	if err := json.Unmarshal(data, &units); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, u := range units {
		names := []string{u.Name.Ar}
		for _, a := range u.Aliases {
			if a.Language == "ar" {
				names = append(names, a.Value)
			}
		}
		for _, n := range names {
			for {
				g.add(n, gazLoc|gazLocMajor)
				trimmed := n
				for _, w := range adminWords {
					trimmed = strings.TrimPrefix(trimmed, w)
				}
				if trimmed == n {
					break
				}
				n = trimmed
			}
		}
	}
	return nil
}

// addActors reads the PETRARCH actor dictionary. An entry is a phrase line ("نوري_المالكي_", words joined by
// "_") with an inline code ("[USAGOV]") or indented dated codes below it. Individuals carry dated role codes,
// so a dated entry counts as a person; a bare three-letter code is a country; another code a group.
func addActors(g gazTable, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	phrase := ""
	var bits uint8
	flush := func() {
		if phrase != "" {
			if bits == 0 {
				bits = gazActor
			}
			g.add(phrase, bits)
		}
		phrase, bits = "", 0
	}
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		if line[0] == '\t' || line[0] == ' ' && strings.HasPrefix(strings.TrimSpace(line), "[") {
			if phrase != "" && strings.Contains(line, "-") {
				bits = gazPer
			}
			continue
		}
		flush()
		text, code, _ := strings.Cut(line, "[")
		phrase = strings.TrimSpace(strings.ReplaceAll(text, "_", " "))
		code, _, _ = strings.Cut(code, "]")
		switch code = strings.TrimSpace(code); {
		case code == "":
		case len(code) == 3 && !strings.Contains(code, " "):
			bits = gazCountry
		default:
			bits = gazOrg
		}
	}
	flush()
	return sc.Err()
}
