package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/clean"
	"github.com/marsad/marsad/pipeline"
	"github.com/marsad/marsad/postgres"
	"github.com/marsad/marsad/sqlite"
)

// openStore opens the store at path: a PostgreSQL database for a postgres:// URL, else a SQLite file.
func openStore(path string) (marsad.Store, error) {
	if strings.HasPrefix(path, "postgres://") || strings.HasPrefix(path, "postgresql://") {
		return postgres.Open(context.Background(), path)
	}
	return sqlite.Open(path)
}

// openExisting opens a store that commands only read: a mistyped --db must say so, not create an empty store
// and report no results.
func openExisting(path string) (marsad.Store, error) {
	if !strings.Contains(path, "://") {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no store at %s: ingest articles first, or give --db", path)
		}
	}
	return openStore(path)
}

// newPipeline builds the standard pipeline, with the boilerplate lines learned into file when it is given;
// with cleanOnly it decodes, cleans and segments but extracts no layer.
func newPipeline(boilerplateFile string, cleanOnly bool) (*pipeline.Pipeline, error) {
	learned, err := readBoilerplate(boilerplateFile)
	if err != nil {
		return nil, err
	}
	if cleanOnly {
		return pipeline.New(clean.New(learned)), nil
	}
	return pipeline.Standard(clean.New(learned))
}

// readBoilerplate reads learned boilerplate lines; no file means none.
func readBoilerplate(file string) (*clean.Boilerplate, error) {
	if file == "" {
		return nil, nil
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := clean.ReadBoilerplate(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return b, nil
}

// displayDB is the store location fit for messages: a PostgreSQL URL loses its password.
func displayDB(db string) string {
	u, err := url.Parse(db)
	if err != nil || u.User == nil {
		return db
	}
	return u.Redacted()
}
