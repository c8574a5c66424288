package gazetteer

import (
	"fmt"
	"strings"
	"testing"
)

func TestDbg(t *testing.T) {
	docs, _ := ParseGold(strings.NewReader("وأوضح المركز الإعلامي لـ[قسد|ORG|sdf] أن [الجيش التركي|ORG|turkey-army] في [عامودا|LOC||37.10,40.93]"))
	r := NewResolver(Default())
	s, _ := r.EvalGold(docs)
	fmt.Println(s.Errors)
	fmt.Println(r.g.names[Key("قسد")], r.g.names["الجيش التركي"])
}
