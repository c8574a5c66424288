package dates

import (
	"fmt"
	"os"
	"testing"
	"time"
)

func TestTry(t *testing.T) {
	pub := time.Date(2019, 3, 23, 10, 0, 0, 0, time.UTC)
	b, _ := os.ReadFile("/tmp/dtry/in.txt")
	for _, d := range New().Extract(string(b), pub) {
		fmt.Printf("%q %s rel=%v unres=%v\n", d.Text, d.Value, d.Relative, d.Unresolved)
	}
}
