package dates

import (
	"testing"
	"time"
)

func TestHijri(t *testing.T) {
	terms, err := loadNewMoon()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		y, m, d int
		want    string
	}{
		// Umm al-Qura dates as Saudi newspapers print them beside the Gregorian date.
		{"26 Ramadan 1436", 1436, 9, 26, "2015-07-13"},
		{"25 Shawwal 1436", 1436, 10, 25, "2015-08-10"},
		{"13 Shawwal 1436", 1436, 10, 13, "2015-07-29"},
		{"5 Dhu al-Qadah 1436", 1436, 11, 5, "2015-08-20"},
		{"1 Dhu al-Hijjah 1436", 1436, 12, 1, "2015-09-14"},
		{"4 Shaban 1436", 1436, 8, 4, "2015-05-22"},
		{"11 Jumada II 1436", 1436, 6, 11, "2015-03-31"},
		{"8 Rabi I 1428", 1428, 3, 8, "2007-03-27"},
		{"1 Muharram 1", 1, 1, 1, "0622-07-19"}, // proleptic Gregorian of 16 July 622 Julian
		{"month Ramadan 1436", 1436, 9, 0, "2015-07"},
		{"year 1436", 1436, 0, 0, "2015"},
	} {
		if got := hijri(terms, tc.y, tc.m, tc.d).iso(); got != tc.want {
			t.Errorf("%s: got %s; want %s", tc.name, got, tc.want)
		}
	}
}

func TestToHijriRoundTrip(t *testing.T) {
	for d := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2040; d = d.AddDate(0, 0, 13) {
		y, m, day := toHijri(d)
		if got := jdnToTime(hijriToJDN(y, m, day)); !got.Equal(d) {
			t.Fatalf("%s: round trip gives %s (%d-%d-%d)", d.Format(time.DateOnly), got.Format(time.DateOnly), y, m, day)
		}
	}
}

func TestWeekday(t *testing.T) {
	sat := time.Date(2019, 3, 23, 0, 0, 0, 0, time.UTC) // a Saturday
	for _, tc := range []struct {
		name    string
		wd, mod int
		want    string
	}{
		{"السبت on the day", 6, 0, "2019-03-23"},
		{"السبت الماضي", 6, -1, "2019-03-16"},
		{"السبت المقبل", 6, 1, "2019-03-30"},
		{"الخميس", 4, 0, "2019-03-21"},
		{"الأحد المقبل", 0, 1, "2019-03-24"},
		{"الأحد in the future", 0, 2, "2019-03-24"},
		{"السبت in the future", 6, 2, "2019-03-23"},
	} {
		if got := weekday(sat, tc.wd, tc.mod).Format(time.DateOnly); got != tc.want {
			t.Errorf("%s: got %s; want %s", tc.name, got, tc.want)
		}
	}
}
