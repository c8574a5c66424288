package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// The model file is gzip-compressed: a magic line, then the base and the context model. Each model is its
// transition scores as float32, the feature count, then the features sorted by key, each as the delta of its
// key (uvarint), a bit mask of its non-zero tags (uvarint) and those weights quantized to multiples of
// quantum (zigzag varints).

const modelMagic = "marsad-ner-perceptron 2\n"

// quantum is the weight resolution stored: perceptron weights are sums of ±1 averaged over updates, and
// differences below 1/64 do not change a decision in practice.
const quantum = 1.0 / 64

var errBadModel = errors.New("malformed model")

// Save writes the model (not the lexicon, which is embedded in the package) to w.
func (tg *Tagger) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(modelMagic)
	tg.base.write(bw)
	tg.ctx.write(bw)
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func (m *model) write(bw *bufio.Writer) {
	for p := range m.trans {
		for t := range m.trans[p] {
			binary.Write(bw, binary.LittleEndian, m.trans[p][t])
		}
	}
	type entry struct {
		key  uint32
		mask uint64
		q    []int64
	}
	var entries []entry
	for i, f := range m.keys {
		row := m.weights[i*numTags : (i+1)*numTags]
		e := entry{key: f}
		for t, v := range row {
			if q := int64(math.Round(float64(v) / quantum)); q != 0 {
				e.mask |= 1 << t
				e.q = append(e.q, q)
			}
		}
		if e.mask != 0 {
			entries = append(entries, e)
		}
	}
	buf := binary.AppendUvarint(nil, uint64(len(entries)))
	bw.Write(buf)
	prev := uint32(0)
	for _, e := range entries {
		buf = binary.AppendUvarint(buf[:0], uint64(e.key-prev))
		buf = binary.AppendUvarint(buf, e.mask)
		for _, q := range e.q {
			buf = binary.AppendVarint(buf, q)
		}
		bw.Write(buf)
		prev = e.key
	}
}

func readModel(r io.Reader, lex *lexicon) (*Tagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, fmt.Errorf("%w: bad header", errBadModel)
	}
	tg := &Tagger{lex: lex}
	if tg.base, err = readOne(br); err != nil {
		return nil, fmt.Errorf("base: %w", err)
	}
	if tg.ctx, err = readOne(br); err != nil {
		return nil, fmt.Errorf("context: %w", err)
	}
	tg.prepareTagging()
	return tg, nil
}

func readOne(br *bufio.Reader) (*model, error) {
	m := &model{}
	for p := range m.trans {
		for t := range m.trans[p] {
			if err := binary.Read(br, binary.LittleEndian, &m.trans[p][t]); err != nil {
				return nil, fmt.Errorf("%w: transitions: %v", errBadModel, err)
			}
		}
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<24 {
		return nil, fmt.Errorf("%w: feature count", errBadModel)
	}
	m.keys = make([]uint32, n)
	m.weights = make([]float32, int(n)*numTags)
	key := uint32(0)
	for i := range int(n) {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("%w: feature %d: %v", errBadModel, i, err)
		}
		key += uint32(d)
		mask, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("%w: feature %d: %v", errBadModel, i, err)
		}
		row := m.weights[i*numTags : (i+1)*numTags]
		for t := range numTags {
			if mask&(1<<t) == 0 {
				continue
			}
			q, err := binary.ReadVarint(br)
			if err != nil {
				return nil, fmt.Errorf("%w: feature %d: %v", errBadModel, i, err)
			}
			row[t] = float32(float64(q) * quantum)
		}
		m.keys[i] = key
	}
	m.rows = newFeatTable(m.keys)
	return m, nil
}
