package synth

// Counts of the silver gold set's events (see doc.go). They are
// frequencies, not data: the generator draws in proportion to them.

// rootCounts are the events per CAMEO root, 01 to 20.
var rootCounts = [20]int{500, 455, 234, 508, 411, 114, 83, 196, 185, 169, 1954, 242, 259, 299, 86, 120, 1119, 798, 631, 20}

// codeCounts are the most frequent codes; a root's other events are
// spread evenly over its other codes.
var codeCounts = map[string]int{
	"111": 988, "173": 718, "112": 420, "190": 379, "115": 313, "180": 239, "016": 233, "051": 197, "020": 175, "040": 161,
	"042": 141, "183": 137, "091": 130, "057": 122, "141": 117, "181": 114, "120": 112, "015": 106, "0841": 104, "193": 97,
	"175": 96, "195": 85, "172": 84, "046": 81, "1831": 72, "043": 71, "145": 71, "1121": 64, "130": 61, "018": 58,
	"138": 57, "116": 56, "163": 56, "1721": 54, "1823": 54, "062": 50, "100": 50, "1122": 49, "030": 48, "0242": 45,
}

// countryCounts are actor sides per country, busiest first; "" is an
// actor with no country and IGO an international organisation.
var countryCounts = []struct {
	code string
	n    int
}{
	{"USA", 3089}, {"GBR", 1339}, {"", 1123}, {"PAK", 590}, {"IGO", 585}, {"AFG", 465}, {"IND", 410}, {"IRN", 393}, {"FRA", 388}, {"AUS", 383},
	{"CHN", 365}, {"IRQ", 327}, {"EGY", 305}, {"ISR", 292}, {"SOM", 281}, {"TUR", 271}, {"RUS", 267}, {"LBY", 245}, {"BRA", 214}, {"GRC", 171},
	{"THA", 167}, {"DEU", 167}, {"SDN", 163}, {"HKG", 158}, {"YEM", 141}, {"KEN", 135}, {"NGA", 134}, {"COL", 134}, {"IDN", 132}, {"SYR", 131},
	{"CAN", 127}, {"PHL", 120}, {"ZWE", 119}, {"FJI", 114}, {"UKR", 112}, {"ESP", 107}, {"KOR", 106}, {"PSE", 105}, {"CIV", 102}, {"POL", 101},
	{"PRK", 99}, {"ITA", 88}, {"MMR", 81}, {"JPN", 79}, {"HTI", 78}, {"CHL", 78}, {"MEX", 74}, {"BIH", 70}, {"SWE", 68}, {"BEL", 65},
	{"ARG", 60}, {"CHE", 57}, {"NLD", 53}, {"SAU", 51}, {"TCD", 51}, {"CYP", 50}, {"LBN", 50}, {"BHR", 47}, {"IRL", 47}, {"NZL", 47},
}

// tailCountries follow the counted ones with Zipf weights below them.
var tailCountries = []string{
	"AGO", "ALB", "ARE", "ARM", "AUT", "AZE", "BGD", "BGR", "BLR", "BOL", "CMR", "COD", "CUB", "CZE", "DNK", "DZA", "ECU", "ERI", "ETH", "FIN",
	"GEO", "GHA", "GTM", "HND", "HUN", "JOR", "KAZ", "KGZ", "KHM", "KWT", "LAO", "LKA", "MAR", "MDA", "MLI", "MOZ", "MYS", "NER", "NIC", "NOR",
	"NPL", "OMN", "PER", "PRT", "QAT", "ROU", "RWA", "SEN", "SGP", "SRB", "SSD", "SVK", "TJK", "TUN", "TWN", "TZA", "UGA", "URY", "UZB", "VEN",
	"VNM", "ZAF", "ZMB",
}

// igoGroups are the organisations an IGO actor stands for (code IGO+group).
var igoGroups = []string{"UNO", "EU", "NATO", "AU", "ARL", "WTO", "IMF", "ASN", "OAS", "WHO"}

// roleCounts are actor sides per CAMEO role code ("" is none).
var roleCounts = []struct {
	code string
	n    int
}{
	{"GOV", 4922}, {"CVL", 1974}, {"", 1907}, {"COP", 1071}, {"MIL", 1069}, {"REB", 930}, {"JUD", 897}, {"CRM", 605}, {"UAF", 525},
	{"BUS", 389}, {"LEG", 376}, {"NGO", 367}, {"OPP", 331}, {"MED", 321}, {"PTY", 293}, {"EDU", 124}, {"SPY", 101},
}

// modalityCounts are events per modality, in the order of dyad's constants.
var modalityCounts = []struct {
	m string
	n int
}{{"asserted", 6225}, {"historical", 1851}, {"future", 250}, {"hypothetical", 39}, {"negated", 18}}

// domesticShare is the share of events whose source and target share a
// country (4,226 of 8,383).
const domesticShare = 0.50

// outlets are the documents' sources, busiest first (Zipf).
var outlets = []string{"Reuters", "AP", "AFP", "BBC", "VOA", "Xinhua", "Al Jazeera", "DW", "Guardian", "NYT",
	"Washington Post", "Times of India", "Dawn", "ABC", "RFE/RL", "TASS", "Kyodo", "Yonhap", "Anadolu", "allAfrica"}

// words are the vocabulary of the synthetic sentences, commonest first;
// past them come invented words ("w1234"), so that a search for a rare
// word matches a handful of sentences.
var words = []string{
	"government", "officials", "said", "talks", "security", "forces", "president", "minister", "police", "military",
	"attack", "people", "killed", "country", "border", "election", "protest", "court", "leaders", "aid",
	"sanctions", "troops", "ceasefire", "agreement", "meeting", "rebels", "opposition", "parliament", "trade", "oil",
	"missile", "embassy", "refugees", "violence", "peace", "nuclear", "economy", "law", "report", "crisis",
	"vote", "arrested", "accused", "warned", "visit", "support", "demand", "strike", "investigation", "deal",
	"region", "capital", "soldiers", "fighting", "humanitarian", "negotiations", "summit", "reforms", "corruption", "prisoners",
	"weapons", "drone", "airstrike", "hostages", "militants", "protesters", "students", "workers", "journalists", "judges",
	"budget", "tariffs", "pipeline", "harbour", "province", "village", "bombing", "mediation", "delegation", "envoy",
}
