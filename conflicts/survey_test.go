package conflicts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSurvey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	lines := `{"title": "مقتل 15 مدنياً بقصف على ريف إدلب", "content": "قتل خمسة مدنيين جراء قصف مدفعي على بلدة كنصفرة."}
{"title": "عودة 600 عائلة إلى تل أبيض", "content": "عادت 600 عائلة إلى منازلها، فيما تنتظر 300 عائلة أخرى."}
not json
`
	if err := os.WriteFile(path, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := Survey(&b, path, 5, 1); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{"2 articles (1 unreadable), 1 with a conflict", "[خمسة]", "[15]"} {
		if !strings.Contains(got, want) {
			t.Errorf("survey: got %q; want it to contain %q", got, want)
		}
	}
}
