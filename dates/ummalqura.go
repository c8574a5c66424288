package dates

import (
	"fmt"
	"math"
	"strconv"
)

// Umm al-Qura, the calendar of Saudi documents, starts a month on the day after the 29th when, at Mecca,
// the conjunction falls before sunset and the Moon sets after the Sun; otherwise the month has 30 days.
// ummAlQura applies that rule with low-precision positions (Sun and Moon to a few arcminutes, new moon to a
// minute), which decides all but the closest evenings. The tabular calendar is kept outside the years where
// the rule has been in force (1420 AH on).

// moonTerm is one periodic term of the new-moon correction.
type moonTerm struct {
	coef           float64
	epow           int
	m, mp, f, node float64
}

func loadNewMoon() ([]moonTerm, error) {
	var terms []moonTerm
	err := readTable("newmoon.txt", func(f []string) error {
		if len(f) != 6 {
			return fmt.Errorf("want 6 fields, got %d", len(f))
		}
		var v [6]float64
		for i, s := range f {
			x, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return err
			}
			v[i] = x
		}
		terms = append(terms, moonTerm{v[0], int(v[1]), v[2], v[3], v[4], v[5]})
		return nil
	})
	return terms, err
}

const (
	meccaLat = 21.4225
	meccaLon = 39.8262
	rad      = math.Pi / 180
)

// newMoon returns the Julian ephemeris day of new moon number k (k = 0 in January 2000).
func newMoon(terms []moonTerm, k float64) float64 {
	t := k / 1236.85
	jde := 2451550.09766 + 29.530588861*k + 0.00015437*t*t - 0.000000150*t*t*t
	e := 1 - 0.002516*t - 0.0000074*t*t
	m := (2.5534 + 29.10535670*k - 0.0000014*t*t) * rad
	mp := (201.5643 + 385.81693528*k + 0.0107582*t*t + 0.00001238*t*t*t) * rad
	f := (160.7108 + 390.67050284*k - 0.0016118*t*t - 0.00000227*t*t*t) * rad
	node := (124.7746 - 1.56375588*k + 0.0020672*t*t) * rad
	for _, tm := range terms {
		c := tm.coef * math.Pow(e, float64(tm.epow))
		jde += c * math.Sin(tm.m*m+tm.mp*mp+tm.f*f+tm.node*node)
	}
	return jde
}

// altitude returns the geocentric altitude in degrees at Mecca of a body at right ascension ra and
// declination dec (degrees) at Julian day jd.
func altitude(jd, ra, dec float64) float64 {
	d := jd - 2451545.0
	lst := 280.46061837 + 360.98564736629*d + meccaLon
	ha := (lst - ra) * rad
	sinH := math.Sin(meccaLat*rad)*math.Sin(dec*rad) + math.Cos(meccaLat*rad)*math.Cos(dec*rad)*math.Cos(ha)
	return math.Asin(sinH) / rad
}

// equatorial converts ecliptic longitude and latitude (degrees) at day d from J2000 to right ascension and
// declination (degrees).
func equatorial(d, lon, lat float64) (ra, dec float64) {
	eps := (23.439 - 0.0000004*d) * rad
	l, b := lon*rad, lat*rad
	ra = math.Atan2(math.Sin(l)*math.Cos(eps)-math.Tan(b)*math.Sin(eps), math.Cos(l)) / rad
	dec = math.Asin(math.Sin(b)*math.Cos(eps)+math.Cos(b)*math.Sin(eps)*math.Sin(l)) / rad
	return ra, dec
}

func sunAltitude(jd float64) float64 {
	d := jd - 2451545.0
	g := (357.528 + 0.9856003*d) * rad
	lon := 280.460 + 0.9856474*d + 1.915*math.Sin(g) + 0.020*math.Sin(2*g)
	ra, dec := equatorial(d, lon, 0)
	return altitude(jd, ra, dec)
}

func moonAltitude(jd float64) float64 {
	d := jd - 2451545.0
	lp := 218.3164477 + 13.17639648*d
	el := (297.8501921 + 12.19074912*d) * rad
	m := (357.5291092 + 0.98560028*d) * rad
	mp := (134.9633964 + 13.06499295*d) * rad
	f := (93.2720950 + 13.22935024*d) * rad
	lon := lp + 6.289*math.Sin(mp) + 1.274*math.Sin(2*el-mp) + 0.658*math.Sin(2*el) + 0.214*math.Sin(2*mp) -
		0.186*math.Sin(m) - 0.114*math.Sin(2*f) + 0.059*math.Sin(2*el-2*mp) + 0.057*math.Sin(2*el-m-mp) +
		0.053*math.Sin(2*el+mp) + 0.046*math.Sin(2*el-m) - 0.041*math.Sin(m-mp) - 0.035*math.Sin(el) -
		0.031*math.Sin(m+mp)
	lat := 5.128*math.Sin(f) + 0.281*math.Sin(mp+f) + 0.278*math.Sin(mp-f) + 0.173*math.Sin(2*el-f) +
		0.055*math.Sin(2*el-mp+f) + 0.046*math.Sin(2*el-mp-f)
	ra, dec := equatorial(d, lon, lat)
	return altitude(jd, ra, dec)
}

// sunset returns the Julian day of sunset at Mecca on the civil day whose noon (UT) is jdNoon.
func sunset(jdNoon float64) float64 {
	lo, hi := jdNoon, jdNoon+0.25 // sunset at Mecca is between 12:00 and 18:00 UT
	for range 30 {
		mid := (lo + hi) / 2
		if sunAltitude(mid) > -0.833 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// monthStart returns the Julian day number of the first day of the Hijri month that starts near jdn (the
// tabular start), by the Umm al-Qura rule.
func monthStart(terms []moonTerm, jdn int) int {
	k := math.Round((float64(jdn) - 1 - 2451550.09766) / 29.530588861)
	conj := newMoon(terms, k) - 69.0/86400 // TT to UT, close enough for this century
	// The civil day (Mecca time, UT+3) of the conjunction, as the Julian day number of that day.
	day := int(math.Floor(conj + 0.5 + 3.0/24))
	set := sunset(float64(day))
	if conj < set && moonAltitude(set) > 0.125 {
		return day + 1
	}
	return day + 2
}

// ummAlQuraJDN converts a Hijri date to a Julian day number by the Umm al-Qura rule where it applies.
func ummAlQuraJDN(terms []moonTerm, y, m, d int) int {
	tab := hijriToJDN(y, m, 1)
	if y < 1420 || y > 1500 || terms == nil {
		return tab + d - 1
	}
	return monthStart(terms, tab) + d - 1
}
