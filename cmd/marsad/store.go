package main

import (
	"context"
	"fmt"
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

// newPipeline builds the standard pipeline, with the boilerplate lines learned into file when it is given.
func newPipeline(boilerplateFile string) (*pipeline.Pipeline, error) {
	var learned *clean.Boilerplate
	if boilerplateFile != "" {
		f, err := os.Open(boilerplateFile)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if learned, err = clean.ReadBoilerplate(f); err != nil {
			return nil, fmt.Errorf("%s: %w", boilerplateFile, err)
		}
	}
	return pipeline.Standard(clean.New(learned)), nil
}
