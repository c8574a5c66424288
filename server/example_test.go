package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/marsad/marsad/clean"
	"github.com/marsad/marsad/pipeline"
	"github.com/marsad/marsad/server"
	"github.com/marsad/marsad/sqlite"
)

func ExampleNew() {
	dir, _ := os.MkdirTemp("", "marsad")
	defer os.RemoveAll(dir)
	store, err := sqlite.Open(filepath.Join(dir, "marsad.db"))
	if err != nil {
		panic(err)
	}
	defer store.Close()
	p, err := pipeline.Standard(clean.New(nil))
	if err != nil {
		panic(err)
	}
	h := server.New(store, p, server.Options{Token: "secret"})

	post := httptest.NewRequest("POST", "/api/articles", strings.NewReader(
		`{"title": "اشتباكات في ريف حلب", "text": "تجددت الاشتباكات صباح اليوم في ريف حلب الشمالي.", "published": "2019-03-23"}`))
	post.Header.Set("Authorization", "Bearer secret")
	post.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(httptest.NewRecorder(), post)

	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/api/search?q=والاشتباكات", nil))
	var res server.SearchResult
	json.NewDecoder(w.Body).Decode(&res)
	fmt.Println(w.Code == http.StatusOK, res.Hits[0].Title)
	fmt.Println(res.Hits[0].Snippet)
	// Output:
	// true اشتباكات في ريف حلب
	// [اشتباكات] في ريف حلب تجددت [الاشتباكات] صباح اليوم في ريف حلب الشمالي
}
