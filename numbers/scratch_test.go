package numbers

import (
	"bufio"
	"fmt"
	"os"
	"testing"
)

func TestScratch(t *testing.T) {
	f, err := os.Open("/tmp/numdual/in.txt")
	if err != nil {
		t.Skip()
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fmt.Println(sc.Text())
		for _, q := range ext.Extract(sc.Text()) {
			fmt.Printf("   %q %v %s %s\n", q.Text, q.Value, q.Unit, q.Approx)
		}
	}
}
