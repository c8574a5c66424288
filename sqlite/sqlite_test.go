package sqlite

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/clean"
	"github.com/marsad/marsad/pipeline"
)

func open(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "sub", "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func doc(t *testing.T, title, body, origin string) *marsad.Document {
	t.Helper()
	d := &marsad.Document{Title: title, Source: "test", Published: time.Date(2024, 3, 23, 0, 0, 0, 0, time.UTC)}
	if err := clean.New(nil).Clean(d, body); err != nil {
		t.Fatal(err)
	}
	d.ID = pipeline.ContentID(d.Text)
	d.Origins = []string{origin}
	return d
}

func TestPutIdempotent(t *testing.T) {
	s := open(t)
	ctx := t.Context()
	a := doc(t, "تحرير الباغوز", "أعلنت قوات سوريا الديمقراطية تحرير بلدة الباغوز من داعش.", "a.txt")
	b := doc(t, "تحرير الباغوز", "أعلنت قوات سوريا الديمقراطية تحرير بلدة الباغوز من داعش.", "copy.txt")
	added, err := s.Put(ctx, []*marsad.Document{a, b})
	if err != nil || !added[0] || added[1] {
		t.Fatalf("first put: %v %v; want [true false]", added, err)
	}
	added, err = s.Put(ctx, []*marsad.Document{a})
	if err != nil || added[0] {
		t.Fatalf("re-put: %v %v; want [false]", added, err)
	}
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("count = %d; want 1", n)
	}
	got, err := s.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != a.Text || got.Title != a.Title || !got.Published.Equal(a.Published) || len(got.Sentences) != len(a.Sentences) {
		t.Errorf("Get = %+v; want %+v", got, a)
	}
	if len(got.Origins) != 2 || got.Origins[0] != "a.txt" || got.Origins[1] != "copy.txt" {
		t.Errorf("origins = %v; want both files", got.Origins)
	}
	if byOrigin, err := s.Get(ctx, "copy.txt"); err != nil || byOrigin.ID != a.ID {
		t.Errorf("Get by origin: %v", err)
	}
	if _, err := s.Get(ctx, "nope"); !errors.Is(err, marsad.ErrNotFound) {
		t.Errorf("Get(nope): %v; want ErrNotFound", err)
	}
}

func TestSearchArabicVariants(t *testing.T) {
	s := open(t)
	ctx := t.Context()
	docs := []*marsad.Document{
		doc(t, "الباغوز", "حررت القوات بلدة الباغوز من الإرهاب.", "1"),
		doc(t, "والباغوز", "عاد الأهالي إلى الباغوز والارهاب انتهى هناك.", "2"),
		doc(t, "دير الزور", "سلمت المدينة لقسد بعد معارك مع ارهاب التنظيم. مُحَافَظَةُ دير الزور.", "3"),
		doc(t, "اقتصاد", "ارتفعت أسعار النفط في الأسواق العالمية.", "4"),
	}
	if _, err := s.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		q    string
		want int
	}{
		{"والباغوز", 2}, {"الباغوز", 2}, {"بالباغوز", 2},
		{"الإرهاب", 3}, {"الارهاب", 3}, {"ارهاب", 3}, {"إرهاب", 3},
		{"قسد", 1}, {"محافظة", 1}, {"مـحـافـظـة", 1},
		{`"دير الزور"`, 1}, {`"الزور دير"`, 0}, {"دير*", 1}, {"النف*", 1},
		{"الباغوز النفط", 0},
	} {
		hits, err := s.Search(ctx, marsad.Query{Text: tc.q})
		if err != nil {
			t.Errorf("%s: %v", tc.q, err)
			continue
		}
		if len(hits) != tc.want {
			t.Errorf("%s: %d hits; want %d", tc.q, len(hits), tc.want)
		}
	}
	hits, _ := s.Search(ctx, marsad.Query{Text: "الباغوز"})
	if len(hits) > 0 && (hits[0].Snippet == "" || hits[0].Score <= 0) {
		t.Errorf("hit without snippet or score: %+v", hits[0])
	}
	if hits, _ := s.Search(ctx, marsad.Query{Text: "الباغوز", Source: "other"}); len(hits) != 0 {
		t.Errorf("source filter: %d hits; want 0", len(hits))
	}
	if hits, _ := s.Search(ctx, marsad.Query{Text: "الباغوز", From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}); len(hits) != 0 {
		t.Errorf("date filter: %d hits; want 0", len(hits))
	}
	if _, err := s.Search(ctx, marsad.Query{Text: "، ؛"}); err == nil {
		t.Errorf("punctuation-only query: want an error")
	}
	if _, err := s.Search(ctx, marsad.Query{Text: `داعش AND OR NEAR( ^ - "`}); err != nil {
		t.Errorf("FTS5 operators in a query must be taken as words: %v", err)
	}
}

func TestTitleRanksFirst(t *testing.T) {
	s := open(t)
	ctx := t.Context()
	s.Put(ctx, []*marsad.Document{
		doc(t, "أخبار متفرقة", "وفي سياق آخر ذكر التقرير منبج مرة واحدة بين أخبار كثيرة عن الطقس والرياضة والاقتصاد.", "1"),
		doc(t, "قصف على منبج", "تعرضت منبج لقصف مدفعي.", "2"),
	})
	hits, err := s.Search(ctx, marsad.Query{Text: "منبج"})
	if err != nil || len(hits) != 2 || hits[0].Title != "قصف على منبج" {
		t.Errorf("got %+v, %v; want the article with منبج in its title first", hits, err)
	}
}
