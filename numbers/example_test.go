package numbers_test

import (
	"fmt"
	"strings"

	"github.com/marsad/marsad/numbers"
)

func ExampleExtractor_Extract() {
	e := numbers.New()
	text := "نزح أكثر من 350 ألف شخص، وقتل جنديان، وخصصت الحكومة ملياراً ومئتي مليون دولار، في التاسع من تشرين الأول 2019."
	for _, q := range e.Extract(text) {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%s = %v %s %s", q.Text, q.Value, q.Unit, q.Approx)))
	}
	// Output:
	// أكثر من 350 ألف = 350000  over
	// جنديان = 2
	// ملياراً ومئتي مليون دولار = 1.2e+09 USD
}
