// Command marsad ingests Arabic news articles, extracts what they report and searches them.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	err := m.Run(ctx, os.Args[1:])
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
		os.Exit(2)
	case errors.Is(err, errUsage):
		fmt.Fprintln(os.Stderr, "marsad:", err)
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "marsad:", err)
		os.Exit(1)
	}
}

var errUsage = errors.New("usage")

// errRejected reports that some inputs of a batch were rejected; the others were processed.
type errRejected struct{ n int }

func (e errRejected) Error() string {
	return fmt.Sprintf("%d input(s) rejected (see messages above)", e.n)
}

// Main is the program with its streams, so every command runs in-process in tests.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
}

const usage = `marsad monitors Arabic conflict news: it cleans articles, extracts what they report and searches them.

Usage: marsad <command> [flags] [arguments]

Commands:
  ingest       read articles (files, directories, JSON Lines, -) into the store
  reannotate   extract the layers of every stored article again with the current stages
  extract      print the cleaned, annotated document of each article as JSON Lines
  search       search the store
  show         print one stored article as JSON
  conflicts    list reports of one event in different articles whose casualty counts disagree
  serve        serve the HTTP API and the web page
  ner          tag CoNLL tokens (one a line, blank line between sentences) from stdin with IOB tags
  train ner    train the NER tagger on ANERcorp (CoNLL) and write its model
  boilerplate  learn a source's boilerplate lines from a corpus
  bench        measure ingest and search speed on a corpus
  eval         measure accuracy: search recall, boilerplate removal, and each extractor

Run 'marsad <command> -h' for a command's flags.
`

// Run dispatches to a command.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return fmt.Errorf("%w: no command", errUsage)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "ingest":
		return (&ingestCommand{Main: m}).Run(ctx, rest)
	case "reannotate":
		return (&reannotateCommand{Main: m}).Run(ctx, rest)
	case "extract":
		return (&extractCommand{Main: m}).Run(ctx, rest)
	case "search":
		return (&searchCommand{Main: m}).Run(ctx, rest)
	case "show":
		return (&showCommand{Main: m}).Run(ctx, rest)
	case "boilerplate":
		return (&boilerplateCommand{Main: m}).Run(ctx, rest)
	case "bench":
		return (&benchCommand{Main: m}).Run(ctx, rest)
	case "conflicts":
		return (&conflictsCommand{Main: m}).Run(ctx, rest)
	case "serve":
		return (&serveCommand{Main: m}).Run(ctx, rest)
	case "ner":
		return (&nerCommand{Main: m}).Run(ctx, rest)
	case "train":
		return (&trainCommand{Main: m}).Run(ctx, rest)
	case "eval":
		return (&evalCommand{Main: m}).Run(ctx, rest)
	case "help", "-h", "--help":
		fmt.Fprint(m.Stdout, usage)
		return nil
	}
	fmt.Fprint(m.Stderr, usage)
	return fmt.Errorf("%w: unknown command %q", errUsage, cmd)
}

func (m *Main) flags(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "Usage: marsad %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// defaultDB is where the store lives when --db is not given: $MARSAD_DB, else the user's data directory.
func defaultDB() string {
	if p := os.Getenv("MARSAD_DB"); p != "" {
		return p
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "marsad.db"
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "marsad", "marsad.db")
}
