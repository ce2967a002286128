package main

// countryAliases are English names for countries that the countries file
// lacks or filters out.
var countryAliases = map[string][]string{
	"USA": {"U.S.", "U.S.A.", "America", "United States of America"},
	"GBR": {"U.K.", "Britain"},
	"CZE": {"Czech Republic"},
	"TUR": {"Turkey"},
	"PSE": {"Palestinian Territories", "Palestinian territories"},
	"COD": {"Democratic Republic of the Congo", "Congo-Kinshasa"},
	"MMR": {"Burma"},
	"CIV": {"Ivory Coast"},
	"KOR": {"Korea"},
	"NLD": {"Holland"},
	"VAT": {"Holy See"},
	"ARE": {"UAE", "U.A.E."},
}

// cityAliases are English or older names news uses for cities whose
// GeoNames name differs.
var cityAliases = []struct{ alias, name, cc3 string }{
	{"Kiev", "Kyiv", "UKR"},
	{"Odesa", "Odessa", "UKR"},
	{"Kharkov", "Kharkiv", "UKR"},
	{"Raqqa", "Ar Raqqah", "SYR"},
	{"New York", "New York City", "USA"},
	{"Washington DC", "Washington, D.C.", "USA"},
	{"Gaza City", "Gaza", "PSE"},
	{"Deir al-Zor", "Deir ez-Zor", "SYR"},
	{"Bombay", "Mumbai", "IND"},
	{"Calcutta", "Kolkata", "IND"},
	{"Rangoon", "Yangon", "MMR"},
	{"Saigon", "Ho Chi Minh City", "VNM"},
	{"Peking", "Beijing", "CHN"},
	{"Jenin", "Janīn", "PSE"},
	{"Khan Younis", "Khān Yūnis", "PSE"},
	{"Jabalia", "Jabālyā", "PSE"},
	{"Beit Lahia", "Bayt Lāhyā", "PSE"},
	{"Beit Hanoun", "Bayt Ḩānūn", "PSE"},
	{"Deir al-Balah", "Dayr al Balaḩ", "PSE"},
	{"Tulkarem", "Ţūlkarm", "PSE"},
	{"Taiz", "Ta‘izz", "YEM"},
	{"Hodeidah", "Al Ḩudaydah", "YEM"},
	{"Daraa", "Dar‘ā", "SYR"},
	{"Deraa", "Dar‘ā", "SYR"},
	{"Tartus", "Tartouss", "SYR"},
	{"Azaz", "I‘zāz", "SYR"},
	{"Hasakah", "Al Ḩasakah", "SYR"},
	{"Duhok", "Dihok", "IRQ"},
	{"Dohuk", "Dihok", "IRQ"},
	{"Sulaimaniyah", "As Sulaymānīyah", "IRQ"},
	{"Mazar-i-Sharif", "Mazār-e Sharīf", "AFG"},
	{"Zaporizhzhia", "Zaporizhia", "UKR"},
	{"Mykolaiv", "Mykolayiv", "UKR"},
	{"Nabatieh", "Nabatîyé et Tahta", "LBN"},
}

// apStates are the AP-style state abbreviations that cannot be mistaken
// for words.
var apStates = map[string]string{
	"AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.",
	"CT": "Conn.", "DE": "Del.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.",
	"IN": "Ind.", "KS": "Kan.", "KY": "Ky.", "LA": "La.", "MD": "Md.",
	"MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.",
	"MT": "Mont.", "NE": "Neb.", "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.",
	"NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OK": "Okla.",
	"OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.",
	"TN": "Tenn.", "TX": "Texas", "VT": "Vt.", "VA": "Va.", "WA": "Wash.",
	"WV": "W.Va.", "WI": "Wis.", "WY": "Wyo.",
}

// manualRegions are regions often named in conflict news that no source
// file places; positions are approximate centres.
var manualRegions = []entry{
	{kind: 'r', name: "West Bank", cc3: "PSE", lat: 31.95, lon: 35.25},
	{kind: 'r', name: "Gaza Strip", cc3: "PSE", lat: 31.42, lon: 34.36},
	{kind: 'r', name: "Crimea", cc3: "UKR", lat: 45.30, lon: 34.40},
	{kind: 'r', name: "Donbas", aliases: []string{"Donbass"}, cc3: "UKR", lat: 48.00, lon: 38.00},
	{kind: 'r', name: "Darfur", cc3: "SDN", lat: 13.50, lon: 24.00},
	{kind: 'r', name: "Tigray", cc3: "ETH", lat: 14.00, lon: 38.50},
	{kind: 'r', name: "Kurdistan Region", aliases: []string{"Iraqi Kurdistan"}, cc3: "IRQ", lat: 36.40, lon: 44.30},
	{kind: 'r', name: "Golan Heights", cc3: "SYR", lat: 33.00, lon: 35.75},
	{kind: 'r', name: "Sinai", aliases: []string{"Sinai Peninsula"}, cc3: "EGY", lat: 29.50, lon: 33.80},
	{kind: 'r', name: "Kashmir", cc3: "IND", lat: 34.10, lon: 74.80},
	{kind: 'r', name: "Xinjiang", cc3: "CHN", lat: 41.10, lon: 85.20},
	{kind: 'r', name: "Tibet", cc3: "CHN", lat: 31.70, lon: 88.10},
	{kind: 'r', name: "Chechnya", cc3: "RUS", lat: 43.40, lon: 45.70},
	{kind: 'r', name: "Nagorno-Karabakh", cc3: "AZE", lat: 39.85, lon: 46.75},
}
