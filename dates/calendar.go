package dates

import (
	"strconv"
	"time"
)

// Granularity of a resolved date: what the text pins down.
const (
	granYear = iota + 1
	granMonth
	granDay
	// granWeek is an ISO 8601 week ("2019-W11"), the value of "الأسبوع الماضي".
	granWeek
)

// value is a resolved date before formatting.
type value struct {
	y, m, d int
	gran    int
	rel     bool
}

func dayValue(t time.Time, rel bool) value {
	return value{t.Year(), int(t.Month()), t.Day(), granDay, rel}
}

// iso formats v as ISO 8601 at its granularity.
func (v value) iso() string {
	var b [16]byte
	out := pad(b[:0], v.y, 4)
	switch v.gran {
	case granWeek:
		out = append(out, "-W"...)
		out = pad(out, v.d, 2)
	case granMonth, granDay:
		out = append(out, '-')
		out = pad(out, v.m, 2)
		if v.gran == granDay {
			out = append(out, '-')
			out = pad(out, v.d, 2)
		}
	}
	return string(out)
}

func pad(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	for d, p := 1, 10; d < width; d, p = d+1, p*10 {
		if n < p {
			b = append(b, '0')
		}
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// daysIn returns the number of days of Gregorian month m of year y.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func validDay(y, m, d int) bool { return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) }

// lookahead is how far ahead of publication a day or month without a year may fall. Such a date is
// normally the nearest one on or before publication ("في 15 آذار" in a report of 23 March is 15 March of the
// same year), but news also announces schedules without a year ("تستأنف المحاكمة في 18 أكتوبر" in
// August): a date within the next two months is read as that one, since a date ten months back would
// normally carry its year or "الماضي".
const lookahead = 60 * 24 * time.Hour

// dayNearest resolves a day and month without a year: to the date of that weekday when the text names one
// (wd >= 0, "الخميس 30 تموز"), to the next one when the sentence speaks of the future or it is within
// lookahead, and otherwise to the nearest one on or before pub. 29 February moves to a leap year.
func dayNearest(pub time.Time, m, d int, future bool, wd int) (value, bool) {
	day := time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
	var past, next time.Time
	for y := pub.Year() + 1; y >= pub.Year()-8; y-- {
		if !validDay(y, m, d) {
			continue
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		switch {
		case wd >= 0 && int(t.Weekday()) == wd && y >= pub.Year()-1:
			return dayValue(t, true), true
		case t.After(day):
			next = t
		case past.IsZero():
			past = t
		}
	}
	if !next.IsZero() && (future || next.Sub(day) <= lookahead) || past.IsZero() {
		if next.IsZero() {
			return value{}, false
		}
		return dayValue(next, true), true
	}
	return dayValue(past, true), true
}

// monthRelative resolves a month name against pub: mod -1 is the last such month strictly before pub's month
// ("أيار الماضي"), 0 the one of pub's year ("حزيران الجاري"), 1 the next one strictly after ("آب المقبل").
func monthRelative(pub time.Time, m, mod int) int {
	y, pm := pub.Year(), int(pub.Month())
	switch {
	case mod < 0 && m >= pm:
		y--
	case mod > 0 && m <= pm:
		y++
	}
	return y
}

// monthNearest is the year of the latest month m on or before pub's month ("في آذار" without a year), or of
// the first one on or after it in a sentence about the future or within lookahead (the next two months).
func monthNearest(pub time.Time, m int, future bool) int {
	ahead := (m - int(pub.Month()) + 12) % 12
	switch {
	case future || ahead > 0 && ahead <= 2:
		if m < int(pub.Month()) {
			return pub.Year() + 1
		}
	case m > int(pub.Month()):
		return pub.Year() - 1
	}
	return pub.Year()
}

// weekday resolves a weekday name: mod 0 is the latest such day on or before pub, -1 strictly before
// ("الخميس الماضي"), 1 strictly after ("الخميس المقبل"), 2 on or after (a bare weekday about the future).
func weekday(pub time.Time, wd, mod int) time.Time {
	switch {
	case mod > 0:
		delta := (wd - int(pub.Weekday()) + 7) % 7
		if delta == 0 && mod == 1 {
			delta = 7
		}
		return pub.AddDate(0, 0, delta)
	default:
		delta := (int(pub.Weekday()) - wd + 7) % 7
		if delta == 0 && mod < 0 {
			delta = 7
		}
		return pub.AddDate(0, 0, -delta)
	}
}

// shift moves pub by n units of kind (unit kinds: 1 day, 2 week, 3 month, 4 year) and returns it at the
// granularity the unit gives: days and weeks to the day, months to the month, years to the year.
func shift(pub time.Time, kind, n int) value {
	switch kind {
	case 1:
		return dayValue(pub.AddDate(0, 0, n), true)
	case 2:
		return dayValue(pub.AddDate(0, 0, 7*n), true)
	case 3:
		t := time.Date(pub.Year(), pub.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return value{t.Year(), int(t.Month()), 0, granMonth, true}
	default:
		return value{pub.Year() + n, 0, 0, granYear, true}
	}
}

// period resolves "الأسبوع/الشهر/العام" + a modifier: the ISO week, month or year n periods from pub.
func period(pub time.Time, kind, n int) value {
	if kind == 2 {
		y, w := pub.AddDate(0, 0, 7*n).ISOWeek()
		return value{y, 0, w, granWeek, true}
	}
	return shift(pub, kind, n)
}

// The tabular Islamic calendar (30-year cycle with leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29, the
// "Kuwaiti" variant): the arithmetic base that ummAlQura corrects, and the calendar used outside its years.
const hijriEpoch = 1948440 // Julian day number of 1 Muharram 1 AH (16 July 622, Julian).

func hijriToJDN(y, m, d int) int {
	return d + (295*(m-1)+9)/10 + (y-1)*354 + (3+11*y)/30 + hijriEpoch - 1
}

// jdnToTime converts a Julian day number to a Gregorian date (Fliegel and Van Flandern).
func jdnToTime(j int) time.Time {
	l := j + 68569
	n := 4 * l / 146097
	l -= (146097*n + 3) / 4
	i := 4000 * (l + 1) / 1461001
	l = l - 1461*i/4 + 31
	k := 80 * l / 2447
	d := l - 2447*k/80
	l = k / 11
	m := k + 2 - 12*l
	y := 100*(n-49) + i + l
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

// toHijri returns the tabular Hijri date of t.
func toHijri(t time.Time) (y, m, d int) {
	j := int(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix()/86400) + 2440588
	y = (30*(j-hijriEpoch) + 10646) / 10631
	m = 12
	for m > 1 && hijriToJDN(y, m, 1) > j {
		m--
	}
	return y, m, j - hijriToJDN(y, m, 1) + 1
}

// hijri converts a Hijri date to Gregorian at the granularity given: a day to its day (Umm al-Qura, see
// ummAlQuraJDN); a month to the Gregorian month holding its 15th day and a year to the Gregorian year holding
// its middle (1 Rajab), since a Hijri month or year straddles two Gregorian ones.
func hijri(terms []moonTerm, y, m, d int) value {
	switch {
	case d > 0:
		return dayValue(jdnToTime(ummAlQuraJDN(terms, y, m, d)), false)
	case m > 0:
		t := jdnToTime(ummAlQuraJDN(terms, y, m, 15))
		return value{t.Year(), int(t.Month()), 0, granMonth, false}
	default:
		return value{jdnToTime(ummAlQuraJDN(terms, y, 7, 1)).Year(), 0, 0, granYear, false}
	}
}

// nearWeekday moves a converted Hijri day by up to two days to the weekday the text names with it
// ("الأحد 17 شوال 1436هـ"): the weekday is what the writer saw, and the conversion can miss by a day where
// the Umm al-Qura rule is close to call or not in force.
func nearWeekday(v value, wd int) value {
	t := time.Date(v.y, time.Month(v.m), v.d, 0, 0, 0, 0, time.UTC)
	switch diff := (wd - int(t.Weekday()) + 7) % 7; {
	case diff <= 2:
		t = t.AddDate(0, 0, diff)
	case diff >= 5:
		t = t.AddDate(0, 0, diff-7)
	}
	return dayValue(t, v.rel)
}
