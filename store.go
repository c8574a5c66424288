package marsad

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// Store keeps documents and searches them.
type Store interface {
	// Put stores the documents in one transaction. A document whose ID is already stored is not stored again;
	// its new origins are added to the stored ones. Put reports, in order, whether each document was new.
	Put(ctx context.Context, docs []*Document) (added []bool, err error)
	// Get returns the stored document with this id, or ErrNotFound.
	Get(ctx context.Context, id string) (*Document, error)
	// Search returns the best-ranked documents for the query, best first.
	Search(ctx context.Context, q Query) ([]Hit, error)
	// Count returns the number of stored documents.
	Count(ctx context.Context) (int, error)
	Close() error
}

// Relayering is implemented by a Store whose articles can be annotated again: it gives back the stored
// documents and replaces their layers, keeping their text, search index and origins. Articles stored before a
// stage existed, or by an older model, are brought up to date without their original input.
type Relayering interface {
	// Documents returns up to n stored documents (without origins) in id order, from the first id after
	// `after` ("" for the start).
	Documents(ctx context.Context, after string, n int) ([]*Document, error)
	// ReplaceLayers stores the layers of already stored documents in one transaction. A document that is not
	// stored is an error, and nothing is changed.
	ReplaceLayers(ctx context.Context, docs []*Document) error
}

// Query is a search request. Text uses the search syntax: words, "phrases" and prefix* terms, all of which
// must match.
type Query struct {
	Text   string
	Limit  int
	Offset int
	Source string
	From   time.Time // inclusive; zero means unbounded
	To     time.Time // inclusive; zero means unbounded
}

// Hit is one search result.
type Hit struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Published time.Time `json:"published,omitzero"`
	Source    string    `json:"source,omitempty"`
	Score     float64   `json:"score"`
	Snippet   string    `json:"snippet"`
}

// EncodeStored is how a store keeps a document: JSON without its text, which a store keeps in a column of its
// own for snippets, and without its origins, which grow as the article is seen again.
func EncodeStored(d *Document) ([]byte, error) {
	c := *d
	c.Text, c.Origins = "", nil
	return json.Marshal(&c)
}

// DecodeStored is EncodeStored's inverse, given the text from its own column; errors name the article.
func DecodeStored(id, text string, blob []byte) (*Document, error) {
	var d Document
	if err := json.Unmarshal(blob, &d); err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	d.Text = text
	return &d, nil
}
