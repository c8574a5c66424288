package events_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/events"
	"github.com/marsad/marsad/pipeline"
)

func ws(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		for _, t := range arabic.AppendTokens(nil, w) {
			f := arabic.Fold(w[t.Start:t.End])
			for _, p := range []string{"وال", "بال", "لل", "ال", "و"} {
				if strings.HasPrefix(f, p) && len([]rune(f)) > len([]rune(p))+2 {
					f = f[len(p):]
					break
				}
			}
			m[f] = true
		}
	}
	return m
}

func same(got *marsad.Ref, want string) bool {
	if got == nil || want == "" {
		return got == nil && want == ""
	}
	g, w := ws(got.Text), ws(want)
	n := 0
	for x := range w {
		if g[x] {
			n++
		}
	}
	return 2*n >= max(len(g), len(w))
}

func txt(r *marsad.Ref) string {
	if r == nil {
		return "-"
	}
	return r.Text
}

func TestZZDebug(t *testing.T) {
	files := os.Getenv("ZZFILES")
	if files == "" {
		t.Skip()
	}
	a, _ := events.New()
	stages, _ := pipeline.Stages()
	for _, name := range strings.Split(files, ",") {
		f, _ := os.Open(name)
		sc := bufio.NewScanner(f)
		ln := 0
		for sc.Scan() {
			ln++
			line := sc.Text()
			if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
				continue
			}
			p := strings.Split(line, "\t")
			d := &marsad.Document{Text: p[4], Sentences: []marsad.Range{{Start: 0, End: len(p[4])}}}
			if os.Getenv("ZZALONE") == "" {
				for _, s := range stages {
					if s.Name == "events" {
						break
					}
					s.Annotate(d)
				}
			}
			a.Annotate(d)
			var ev *marsad.Event
			for i := range d.Events {
				if d.Events[i].Type == p[0] {
					ev = &d.Events[i]
					break
				}
			}
			dash := func(s string) string {
				if s == "-" {
					return ""
				}
				return s
			}
			if ev == nil {
				fmt.Printf("%s:%d NOTYPE %s\n  %s\n", name, ln, p[0], p[4])
				continue
			}
			o1, o2, o3 := same(ev.Actor1, dash(p[1])), same(ev.Actor2, dash(p[2])), same(ev.Place, dash(p[3]))
			if o1 && o2 && o3 {
				continue
			}
			fmt.Printf("%s:%d %s  %s\n", name, ln, p[0], p[4])
			if !o1 {
				fmt.Printf("   A1 got %q want %q\n", txt(ev.Actor1), p[1])
			}
			if !o2 {
				fmt.Printf("   A2 got %q want %q\n", txt(ev.Actor2), p[2])
			}
			if !o3 {
				fmt.Printf("   LOC got %q want %q\n", txt(ev.Place), p[3])
			}
			if os.Getenv("ZZENT") != "" {
				for _, e := range d.Entities {
					fmt.Printf("      ent %s %q\n", e.Type, e.Text)
				}
			}
		}
		f.Close()
	}
}

func TestZZShow(t *testing.T) {
	text := os.Getenv("ZZTEXT")
	if text == "" {
		t.Skip()
	}
	a, _ := events.New()
	stages, _ := pipeline.Stages()
	for _, line := range strings.Split(text, "\n") {
		d := &marsad.Document{Text: line, Sentences: []marsad.Range{{Start: 0, End: len(line)}}}
		if os.Getenv("ZZALONE") == "" {
			for _, s := range stages {
				if s.Name == "events" {
					break
				}
				s.Annotate(d)
			}
		}
		a.Annotate(d)
		fmt.Println(line)
		for _, e := range d.Entities {
			fmt.Printf("   ent %s %q\n", e.Type, e.Text)
		}
		for _, e := range d.Events {
			fmt.Printf("   %s [%s] a1=%q a2=%q loc=%q conf=%.2f\n", e.Type, e.Trigger.Text, txt(e.Actor1), txt(e.Actor2), txt(e.Place), e.Confidence)
		}
	}
}

func TestZZGSR(t *testing.T) {
	typ := os.Getenv("ZZGSR")
	if typ == "" {
		t.Skip()
	}
	b, _ := os.ReadFile("/work/shared/data/arabic_event_gsr/" + strings.ToLower(typ) + "_spans.dev.json")
	var recs []struct {
		Text  string `json:"text"`
		Spans []struct {
			Source []string `json:"source_actor"`
			Target []string `json:"target_actor"`
		} `json:"spans"`
		SourceGold string `json:"source_gold"`
		TargetGold string `json:"target_gold"`
	}
	json.Unmarshal(b, &recs)
	a, _ := events.New()
	stages, _ := pipeline.Stages()
	for i, r := range recs {
		d := &marsad.Document{Text: r.Text, Sentences: []marsad.Range{{Start: 0, End: len(r.Text)}}}
		if os.Getenv("ZZALONE") == "" {
			for _, s := range stages {
				if s.Name == "events" {
					break
				}
				s.Annotate(d)
			}
		}
		a.Annotate(d)
		var ev *marsad.Event
		for k := range d.Events {
			if d.Events[k].Type == typ {
				ev = &d.Events[k]
				break
			}
		}
		s1, s2 := "-", "-"
		if ev != nil {
			s1, s2 = txt(ev.Actor1), txt(ev.Actor2)
		}
		fmt.Printf("%d\t%s\n   src %q gold %q\n   tgt %q gold %q %v\n", i, r.Text, s1, r.SourceGold, s2, r.TargetGold, r.Spans)
	}
}
