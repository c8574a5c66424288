package ner_test

import (
	"fmt"
	"strings"

	"github.com/marsad/marsad/ner"
)

func ExampleTagger_Tag() {
	tg, err := ner.Default()
	if err != nil {
		panic(err)
	}
	words := strings.Fields("وصل المبعوث الأممي إلى دمشق للقاء وزير الخارجية فيصل المقداد .")
	for i, tag := range tg.Tag(words) {
		if tag != "O" {
			fmt.Println(words[i], tag)
		}
	}
	// Output:
	// دمشق B-LOC
	// فيصل B-PERS
	// المقداد I-PERS
}
