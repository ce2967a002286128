package dates

import "time"

// months maps month names and their usual abbreviations (lower case) to
// months. An abbreviation may be followed by a period ("Sept.").
var months = map[string]time.Month{
	"january": time.January, "jan": time.January,
	"february": time.February, "feb": time.February,
	"march": time.March, "mar": time.March,
	"april": time.April, "apr": time.April,
	"may":  time.May,
	"june": time.June, "jun": time.June,
	"july": time.July, "jul": time.July,
	"august": time.August, "aug": time.August,
	"september": time.September, "sep": time.September, "sept": time.September,
	"october": time.October, "oct": time.October,
	"november": time.November, "nov": time.November,
	"december": time.December, "dec": time.December,
}

// weekdays maps weekday names (lower case) to weekdays. Abbreviations are
// left out: "Sat", "Wed" and "Sun" are ordinary words.
var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
	"sunday": time.Sunday,
}

// numberWords are the counts accepted before "days ago", "weeks ago", ….
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
	"twelve": 12,
}

// yearContext are the words after which a bare four-digit number is read as
// a year ("in 2008", "since 2008"). Without one, "resolution 2270" and
// "2016 troops" stay numbers.
var yearContext = map[string]bool{
	"in": true, "since": true, "by": true, "during": true, "until": true,
	"till": true, "before": true, "after": true, "from": true, "through": true,
	"throughout": true, "of": true, "early": true, "late": true, "mid": true,
	"year": true, "around": true, "circa": true, "between": true,
}

// monthContext are the words after which a month name alone is a date
// ("in September", "last May"); "May" alone is usually the modal verb.
var monthContext = map[string]bool{
	"in": true, "since": true, "by": true, "during": true, "until": true,
	"till": true, "before": true, "after": true, "from": true, "through": true,
	"throughout": true, "of": true, "early": true, "late": true, "mid": true,
	"last": true, "next": true, "this": true, "between": true,
}

// countNouns are words that, after a number, show that it counts things: "in
// 2000 cases" is not a year.
var countNouns = map[string]bool{
	"people": true, "persons": true, "troops": true, "soldiers": true,
	"civilians": true, "cases": true, "deaths": true, "dead": true,
	"homes": true, "houses": true, "refugees": true, "men": true,
	"women": true, "children": true, "votes": true, "seats": true,
	"dollars": true, "euros": true, "tons": true, "tonnes": true,
	"km": true, "kilometres": true, "kilometers": true, "miles": true,
	"meters": true, "metres": true, "feet": true, "percent": true,
	"per": true, "police": true, "officers": true, "fighters": true,
	"militants": true, "protesters": true, "prisoners": true,
	"units": true, "rounds": true, "rockets": true, "missiles": true,
	"hours": true, "gmt": true, "utc": true, "hrs": true, "pm": true,
	"am": true, "others": true, "more": true, "residents": true,
	"families": true, "migrants": true, "workers": true, "students": true,
	"members": true, "villages": true, "vehicles": true, "times": true,
}

// futureCues are words that, shortly before a date with no year, point to
// the future: "will meet on Thursday", "elections due in September".
var futureCues = map[string]bool{
	"will": true, "ll": true, "shall": true, "would": true, "upcoming": true,
	"scheduled": true, "planned": true, "plans": true, "plan": true,
	"planning": true, "expected": true, "due": true, "set": true,
	"going": true, "intends": true, "intend": true, "postponed": true,
	"delayed": true, "deadline": true, "forthcoming": true, "slated": true,
	// "the election to be held on August 9": the bare verb is a modal's
	// or an infinitive's, ahead of the story.
	"be": true,
}

// reportVerbs end the search for a future cue: in "will visit Paris,
// officials said on Thursday" the date belongs to "said".
var reportVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "announced": true,
	"added": true, "stated": true, "reported": true, "confirmed": true,
	"declared": true, "tweeted": true, "wrote": true, "claimed": true,
	"warned": true, "insisted": true, "noted": true, "explained": true,
	"revealed": true, "disclosed": true, "acknowledged": true,
}

// triggers are the lower-case words at which the matcher tries a date.
var triggers = func() map[string]bool {
	t := map[string]bool{
		"between": true, "from": true, "since": true, "today": true,
		"tonight": true, "yesterday": true, "tomorrow": true, "last": true,
		"next": true, "this": true, "past": true, "coming": true,
		"earlier": true, "later": true, "the": true, "early": true,
		"mid": true, "late": true, "over": true,
	}
	for w := range months {
		t[w] = true
	}
	for w := range weekdays {
		t[w] = true
	}
	for w := range numberWords {
		t[w] = true
	}
	return t
}()
