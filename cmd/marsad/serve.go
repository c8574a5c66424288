package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"time"

	"github.com/marsad/marsad/input"
	"github.com/marsad/marsad/server"
)

type serveCommand struct {
	*Main
}

func (c *serveCommand) Run(ctx context.Context, args []string) error {
	fs := c.flags("serve", "[--db PATH|postgres://…] [--addr HOST:PORT] [--token TOKEN] [--private-reads] [--load FILE|DIR ...]")
	db := fs.String("db", defaultDB(), "store `path`, or a postgres:// URL")
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address`")
	token := fs.String("token", os.Getenv("MARSAD_TOKEN"), "bearer `token` that writes need (default $MARSAD_TOKEN; a random one is made and printed when empty)")
	privateReads := fs.Bool("private-reads", false, "require the token for reads too")
	boilerplate := fs.String("boilerplate", "", "`file` of learned boilerplate lines (from 'marsad boilerplate')")
	var loads []string
	fs.Func("load", "ingest this `file or directory` before serving (repeatable)", func(s string) error {
		loads = append(loads, s)
		return nil
	})
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("%w: serve takes no arguments", errUsage)
	}
	p, err := newPipeline(*boilerplate, false)
	if err != nil {
		return err
	}
	store, err := openStore(*db)
	if err != nil {
		return err
	}
	defer store.Close()
	if len(loads) > 0 {
		n, err := ingest(ctx, store, p, loads, input.Auto, c.Main, runtime.NumCPU())
		fmt.Fprintf(c.Stderr, "loaded %d new, %d already stored, %d rejected\n", n.added, n.existing, n.rejected)
		if err != nil {
			return err
		}
	}
	if *token == "" {
		b := make([]byte, 16)
		rand.Read(b)
		*token = hex.EncodeToString(b)
		fmt.Fprintf(c.Stderr, "write token (set --token or MARSAD_TOKEN to choose one): %s\n", *token)
	}
	log := slog.New(slog.NewTextHandler(c.Stderr, nil))
	h := server.New(store, p, server.Options{Token: *token, PrivateReads: *privateReads, Log: log})
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute, // a large JSON Lines batch takes a while to upload
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(c.Stderr, "serving http://%s/\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Let requests in flight (an ingest batch) finish, within reason.
	shutdown, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
