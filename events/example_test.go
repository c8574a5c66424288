package events_test

import (
	"fmt"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/events"
)

func Example() {
	a, err := events.New()
	if err != nil {
		panic(err)
	}
	text := "اعتقلت قوات الأمن العراقية 12 شخصا في مدينة الموصل."
	d := &marsad.Document{Text: text, Sentences: []marsad.Range{{Start: 0, End: len(text)}}}
	if err := a.Annotate(d); err != nil {
		panic(err)
	}
	for _, e := range d.Events {
		fmt.Println(e.Type, e.Mode, e.Trigger.Text)
		fmt.Println("من:", e.Actor1.Text)
		fmt.Println("على:", e.Actor2.Text)
		fmt.Println("أين:", e.Place.Text)
		fmt.Println(e.Quantities)
	}
	// Output:
	// COERCE arrest اعتقلت
	// من: قوات الأمن العراقية
	// على: شخصا
	// أين: مدينة الموصل
	// [{arrested 12}]
}
