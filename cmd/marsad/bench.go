package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/input"
)

type benchCommand struct {
	*Main
}

// benchQueries are single words (frequent and rare, with clitics and hamza variants), phrases and prefixes.
var benchQueries = []string{
	"سوريا", "العراق", "داعش", "الإرهاب", "والارهاب", "اليمن", "الحوثيين", "النفط", "الرياض", "لبنان",
	"التحالف", "الأمم", "طهران", "اللاجئين", "بالمملكة", "الاقتصاد", "الحرس", "القصف", "المعارضة", "الحدود",
	`"الأمم المتحدة"`, `"مجلس الأمن"`, `"التحالف الدولي"`, `"وزارة الداخلية"`, `"الحرس الثوري"`,
	`"ولي العهد"`, `"المملكة العربية السعودية"`, `"أسعار النفط"`, `"خادم الحرمين الشريفين"`, `"تنظيم داعش"`,
	"إرهاب*", "سعود*", "اقتصا*", "عراق*", "حوث*",
}

func (c *benchCommand) Run(ctx context.Context, args []string) error {
	fs := c.flags("bench", "[--db PATH] [--rounds N] [--stages] [--clean-only] [--cpuprofile FILE] CORPUS ...")
	db := fs.String("db", "", "store `path` (default: a new temporary store, removed afterwards)")
	rounds := fs.Int("rounds", 20, "times each query is run")
	workers := fs.Int("workers", runtime.NumCPU(), "parallel workers")
	stages := fs.Bool("stages", false, "measure extraction throughput per stage instead of ingest and search")
	cleanOnly := fs.Bool("clean-only", false, "ingest without extraction layers")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to `file` (for go tool pprof)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if *stages {
		if fs.NArg() == 0 {
			return fmt.Errorf("%w: bench --stages needs a corpus", errUsage)
		}
		return benchStages(ctx, c.Stdout, fs.Args(), c.Stdin)
	}
	if fs.NArg() == 0 && *db == "" {
		fs.Usage()
		return fmt.Errorf("%w: bench needs a corpus to ingest or the --db of one already ingested", errUsage)
	}
	if *db == "" {
		dir, err := os.MkdirTemp("", "marsad-bench")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		*db = filepath.Join(dir, "bench.db")
	}
	p, err := newPipeline("", *cleanOnly)
	if err != nil {
		return err
	}
	store, err := openStore(*db)
	if err != nil {
		return err
	}
	defer store.Close()
	if fs.NArg() > 0 {
		start := time.Now()
		quiet := &Main{Stdin: c.Stdin, Stdout: c.Stdout, Stderr: discard{}}
		n, err := ingest(ctx, store, p, fs.Args(), input.Auto, quiet, *workers)
		if err != nil {
			return err
		}
		elapsed := time.Since(start)
		fmt.Fprintf(c.Stdout, "ingest: %d articles (%d new, %d rejected) in %.1f s with %d workers, peak RSS %d MB\n",
			n.added+n.existing, n.added, n.rejected, elapsed.Seconds(), *workers, peakRSS()>>20)
	}

	var single, phrase []time.Duration
	type slow struct {
		q string
		d time.Duration
	}
	var slowest []slow
	for _, q := range benchQueries {
		var per []time.Duration
		for range *rounds {
			t := time.Now()
			if _, err := store.Search(ctx, marsad.Query{Text: q, Limit: 10}); err != nil {
				return fmt.Errorf("query %s: %w", q, err)
			}
			d := time.Since(t)
			per = append(per, d)
			if strings.HasPrefix(q, `"`) {
				phrase = append(phrase, d)
			} else {
				single = append(single, d)
			}
		}
		slowest = append(slowest, slow{q, pct(per, 50)})
	}
	slices.SortFunc(slowest, func(a, b slow) int { return int(b.d - a.d) })
	fmt.Fprintf(c.Stdout, "search (top 10 with snippets, %d rounds):\n", *rounds)
	fmt.Fprintf(c.Stdout, "  %-22s p50 %7.2f ms  p99 %7.2f ms\n", "words and prefixes", ms(pct(single, 50)), ms(pct(single, 99)))
	fmt.Fprintf(c.Stdout, "  %-22s p50 %7.2f ms  p99 %7.2f ms\n", "phrases", ms(pct(phrase, 50)), ms(pct(phrase, 99)))
	for _, s := range slowest[:min(3, len(slowest))] {
		fmt.Fprintf(c.Stdout, "  slowest: %-24s p50 %7.2f ms\n", s.q, ms(s.d))
	}
	return nil
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }

func peakRSS() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Maxrss << 10 // kilobytes on Linux
}
