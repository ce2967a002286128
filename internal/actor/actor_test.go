package actor_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/dict"
	"github.com/dyad-events/dyad/internal/segment"
	"github.com/dyad-events/dyad/internal/tokenize"
)

func mustMatcher(tb testing.TB) *actor.Matcher {
	tb.Helper()
	d, err := dict.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return actor.New(d)
}

// find returns "code:text" for each mention of the sentences of text,
// places marked with a leading '@'.
func find(m *actor.Matcher, text string, date time.Time) string {
	ss := segment.Sentences(text, tokenize.Text(text))
	var out []string
	var ms []dyad.Mention
	for i := range ss {
		ms = append(ms, m.Find(text, &ss[i], date)...)
	}
	for _, mn := range ms {
		s := mn.Code + ":" + mn.Text
		if mn.Place {
			s = "@" + s
		}
		out = append(out, s)
	}
	return strings.Join(out, " | ")
}

func TestFind(t *testing.T) {
	m := mustMatcher(t)
	d2016 := time.Date(2016, 10, 27, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name, text, want string
	}{
		{"Country", "Japan protested.", "JPN:Japan"},
		{"Abbreviation", "The UN and the U.S. agreed.", "IGOUNO+USA:UN and the U.S."},
		{"PronounUs", "Let us go.", ""},
		{"AdjectiveAgent", "Japanese officials met South Korean police.", "JPNGOV:Japanese officials | KORCOP:South Korean police"},
		// The training news codes a department as its government (40 of
		// 59) or, a police one, as police (11).
		{"PersonnelAndBases", "American personnel left the air base; the commission met.", "USAMIL:American personnel | MIL:air base | GOV:commission"},
		{"ArabicArticle", "Kenya fought al-Shabab fighters.", "KEN:Kenya | SOMREB:al-Shabab fighters"},
		{"Departments", "The forestry department met the police department.", "GOV:department | COP:police department"},
		{"Possessive", "China's foreign ministry said so.", "CHNGOV:China's foreign ministry"},
		{"BareAdjective", "A Japanese ship sank.", ""},
		{"AgentOfCountries", "Diplomats from the United States, Japan and South Korea met.", "USAGOV+JPNGOV+KORGOV:Diplomats from the United States, Japan and South Korea"},
		{"TitledSurname", "President Obama met Foreign Minister Lavrov.", "USAGOV:President Obama | RUSGOV:Foreign Minister Lavrov"},
		{"AgentInCountry", "A court in Guyana jailed two men.", "GUYJUD:court in Guyana | CVL:men"},
		{"AgentInIGO", "Officials at the UN met.", "GOV:Officials | @IGOUNO:UN"},
		{"CapitalMetonym", "Tokyo said no.", "JPNGOV:Tokyo"},
		{"CapitalAsPlace", "They met in Tokyo.", "@JPNGOV:Tokyo"},
		{"Dateline", "TOKYO — Japan spoke.", "@JPNGOV:TOKYO | JPN:Japan"},
		{"DatelineComma", "ROME, Italy — Italy spoke.", "@ITAGOV:ROME | @ITA:Italy | ITA:Italy"},
		{"AcronymListIsNoDateline", "US, Japan and South Korea vow to act.", "USA+JPN+KOR:US, Japan and South Korea"},
		{"Hyphenated", "The six-party talks resumed.", ""},
		{"IGOOrgan", "The UN Security Council voted.", "IGOUNOSEC:UN Security Council"},
		{"AdjectiveList", "Chinese and Russian officials met.", "CHNGOV+RUSGOV:Chinese and Russian officials"},
		{"AdjectiveListOfThree", "Turkish, Greek and Cypriot diplomats met.", "TURGOV+GRCGOV+CYPGOV:Turkish, Greek and Cypriot diplomats"},
		{"NameAndAdjectivePlural", "The US and Japanese governments agreed.", "USAGOV+JPNGOV:US and Japanese governments"},
		{"DemonymAndPeople", "Thousands of Iraqi Kurds protested.", "IRQCVL:Iraqi Kurds"},
		{"Equipment", "Israeli helicopters and battle tanks attacked.", "ISRMIL:Israeli helicopters and battle tanks"},
		{"DemonymPolice", "Afghan police arrested them.", "AFGCOP:Afghan police"},
		{"PossessiveTitle", "Iraq's prime minister spoke.", "IRQGOV:Iraq's prime minister"},
		{"DemonymPlural", "Palestinians marched.", "PSECVL:Palestinians"},
		{"InAPlacesPossession", "Rebels met the insurgents in Qatar's capital.", "REB:Rebels | REB:insurgents | @QAT:Qatar"},
		// A place whose name holds another country's is its own country's.
		{"StateNamedLikeACountry", "New Mexico police arrested a man.", "USACOP:New Mexico police | CVL:man"},
		{"StateNamedLikeAnIsland", "The Rhode Island governor spoke.", "USAGOV:Rhode Island governor"},
		{"ProvinceWithADemonym", "British Columbia police arrested a man.", "CANCOP:British Columbia police | CVL:man"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := find(m, tt.text, d2016); got != tt.want {
				t.Errorf("%q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func BenchmarkFind(b *testing.B) {
	m := mustMatcher(b)
	text := "Senior diplomats from the United States, Japan and South Korea met in Tokyo on Thursday and agreed to step up pressure on North Korea over its nuclear weapons programme."
	ss := segment.Sentences(text, tokenize.Text(text))
	b.ReportAllocs()
	for b.Loop() {
		m.Find(text, &ss[0], time.Time{})
	}
}

func TestUnknown(t *testing.T) {
	m := mustMatcher(t)
	for _, tt := range []struct{ text, want string }{
		{"Japan met Zorgonian envoy Blarg Vosh in Tokyo on Monday.", "Zorgonian | Blarg Vosh"},
		{"The Order of Kell raised taxes.", "Order of Kell"},
		{"Yesterday Japan met China.", ""},
		{"Chinese and Russian officials met.", ""},
		{"\u201cThere is more to do,\u201d Japan said.", ""},
		{"Officials of the ZPLF attacked Japan.", "ZPLF"},
	} {
		ss := segment.Sentences(tt.text, tokenize.Text(tt.text))
		var got []string
		for _, sp := range m.Unknown(tt.text, &ss[0], m.Find(tt.text, &ss[0], time.Time{})) {
			got = append(got, tt.text[sp.Start:sp.End])
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("Unknown(%q) = %q, want %q", tt.text, g, tt.want)
		}
	}
}

// TestDatedRoles holds the dictionary's dated roles wherever it dates
// them: a group that became a government, and leaders before, in and after
// office.
func TestDatedRoles(t *testing.T) {
	m := mustMatcher(t)
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, tt := range []struct {
		name, text, date, want string
	}{
		{"TalibanRebels", "The Taliban seized the district.", "2021-08-14", "AFGREBTAL:Taliban"},
		{"TalibanGovernment", "The Taliban seized the district.", "2021-08-15", "AFGGOV:Taliban"},
		{"TalibanGovernmentLater", "The Islamic Emirate banned the protest.", "2023-03-01", "AFGGOV:Islamic Emirate"},
		{"LeaderInOffice", "Ashraf Ghani spoke.", "2020-05-01", "AFGGOV:Ashraf Ghani"},
		{"LeaderAfterOffice", "Ashraf Ghani spoke.", "2022-05-01", "AFGELI:Ashraf Ghani"},
		{"LeaderBeforeOffice", "Joe Biden spoke.", "2008-05-01", "USA:Joe Biden"},
		{"LeaderBackInOffice", "Joe Biden spoke.", "2022-05-01", "USAGOV:Joe Biden"},
		{"TitleOutranksPastOffice", "U.N. Secretary-General Antonio Guterres spoke.", "2021-03-01", "IGOUNOGOV:U.N. Secretary-General Antonio Guterres"},
		{"FormerTitle", "Former Portuguese Prime Minister Antonio Guterres spoke.", "2021-03-01", "PRTELI:Portuguese Prime Minister Antonio Guterres"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := find(m, tt.text, day(tt.date)); got != tt.want {
				t.Errorf("%q on %s:\n got %q\nwant %q", tt.text, tt.date, got, tt.want)
			}
		})
	}
}

// TestNames holds the actors found by the shape of their words: a person
// after a title takes the title's code, names alone are kept uncoded
// with their words, an organisation takes the sector of its head word.
func TestNames(t *testing.T) {
	m := mustMatcher(t)
	d2019 := time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name, text, want string
	}{
		{"TitleAndName", "Japanese Foreign Minister Taro Zorgon met them.", "JPNGOV:Japanese Foreign Minister Taro Zorgon"},
		{"NameAlone", "Yesterday Miriam Quell met Japan.", ":Miriam Quell | JPN:Japan"},
		{"NameCutAtOf", "On Monday Bram Stoat of Ruritania spoke.", ":Bram Stoat"},
		{"Organisation", "The Freedom Alliance Party protested.", "PTY:Freedom Alliance Party"},
		{"PlaceAfterIn", "They met in Banja Vosk on Monday.", ""},
		{"KnownParts", "The U.S.-Japan alliance held.", "USA+JPN:U.S.-Japan"}, // the two countries (pairs), no name-shape actor
		{"Building", "Gunmen stormed the Grand Palace Hotel.", "UAF:Gunmen"},
		{"PluralIsNoTitle", "Japanese officials Taro and Jiro spoke.", "JPNGOV:Japanese officials"},
		{"SurnameInOffice", "Yesterday Trump met Japan.", "USAGOV:Trump | JPN:Japan"},
		{"GivenNameIsNoSurname", "The candidate Elizabeth Quorn spoke.", "OPP:candidate Elizabeth Quorn"},
		{"HeadWordLast", "The Grand Valley Police arrested them.", "COP:Grand Valley Police"},
		{"PeopleAreNoPlace", "Youths threw rocks at police in Osgiliath.", "CVL:Youths | COP:police"},
		{"SecretaryTitle", "Homeland Security Secretary Mara Quell spoke.", "GOV:Homeland Security Secretary Mara Quell"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := find(m, tt.text, d2019); got != tt.want {
				t.Errorf("%q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestRepair holds the completion of names a damaged story cut short.
func TestRepair(t *testing.T) {
	m := mustMatcher(t)
	for _, tt := range []struct {
		name, text, want string
	}{
		{"Completed", "Japan and South met. South Korea spoke.", "JPN+KOR(South):Japan and South | KOR:South Korea"},
		{"AfterThe", "Japan met the South. South Korea spoke.", "JPN:Japan | KOR:South Korea"},
		{"Ambiguous", "Japan and South met. South Korea and South Africa spoke.", "JPN:Japan | KOR+ZAF:South Korea and South Africa"},
		{"NotNamed", "Japan and North met. South Korea spoke.", "JPN:Japan | KOR:South Korea"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ss := segment.Sentences(tt.text, tokenize.Text(tt.text))
			ms := make([][]dyad.Mention, len(ss))
			for i := range ss {
				ms[i] = m.Find(tt.text, &ss[i], time.Time{})
			}
			m.Repair(tt.text, ss, ms, time.Time{})
			var out []string
			for _, sm := range ms {
				for _, mn := range sm {
					code := mn.Code
					for _, a := range mn.Members {
						if a.Repaired != "" {
							code += "(" + a.Repaired + ")"
						}
					}
					if mn.Repaired != "" {
						code += "(" + mn.Repaired + ")"
					}
					out = append(out, code+":"+mn.Text)
				}
			}
			if got := strings.Join(out, " | "); got != tt.want {
				t.Errorf("%q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestTaggedNames: a name whose surname is also a word, tagged a common
// noun ("Fields"), is whole; a description news sets before a name
// ("the man Kal Dorn", "publisher Mira Lane") gives the person its sector.
func TestTaggedNames(t *testing.T) {
	m := mustMatcher(t)
	d2019 := time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ words, want string }{
		{"Judge/PROPN Kal/PROPN Dorn/PROPN Fields/NOUN spoke/VERB ./PUNCT", "JUD:Judge Kal Dorn Fields"},
		{"Yesterday/NOUN the/DET man/NOUN Kal/PROPN Dorn/PROPN spoke/VERB ./PUNCT", "CVL:man Kal Dorn"},
		{"The/DET Fields/NOUN were/AUX green/ADJ ./PUNCT", ""},
	} {
		s := &dyad.Sentence{}
		var words []string
		off := 0
		for i, it := range strings.Fields(tt.words) {
			w, pos, _ := strings.Cut(it, "/")
			if i > 0 {
				off++
			}
			s.Tokens = append(s.Tokens, dyad.Token{ID: i + 1, Text: w, UPOS: pos, Span: dyad.Span{Start: off, End: off + len(w)}})
			words = append(words, w)
			off += len(w)
		}
		s.Text = strings.Join(words, " ")
		s.Span = dyad.Span{End: len(s.Text)}
		var out []string
		for _, mn := range m.Find(s.Text, s, d2019) {
			out = append(out, mn.Code+":"+mn.Text)
		}
		if got := strings.Join(out, " | "); got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", s.Text, got, tt.want)
		}
	}
}

// TestListPeople checks that a list of titled people keeps who among its
// members is a person, for coreference to learn their surnames.
func TestListPeople(t *testing.T) {
	m := mustMatcher(t)
	text := "Commerce Secretary Wilbur Ross and Attorney General William Barr met Japan."
	ss := segment.Sentences(text, tokenize.Text(text))
	var list *dyad.Mention
	for _, mn := range m.Find(text, &ss[0], time.Time{}) {
		if len(mn.Members) > 1 {
			list = &mn
		}
	}
	if list == nil {
		t.Fatalf("%q: no list of actors found", text)
	}
	if want := []string{"Wilbur Ross", "William Barr"}; !slices.Equal(list.People, want) {
		t.Errorf("%q: people %q, want %q", list.Text, list.People, want)
	}
}

// TestArabicArticleName holds that a name after an Arabic article is the
// dictionary's name, the article kept in the mention: a hyphen otherwise
// hides a word inside a compound ("anti-Japan").
func TestArabicArticleName(t *testing.T) {
	m := mustMatcher(t)
	d2025 := time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		text, want string
	}{
		{"Al-Sharaa spoke.", "SYRGOV:Al-Sharaa"},
		{"Later, al-Sharaa spoke.", "SYRGOV:al-Sharaa"},
		{"President al-Sharaa met Israel.", "SYRGOV:President al-Sharaa | ISR:Israel"},
		{"An anti-Japan rally began.", ""},
		{"The then-New Jersey governor spoke.", "USAGOV:New Jersey governor"},
		// An unknown name's particles and hyphens do not make it too long
		// for a person's.
		{"Police said Abu Karim al-Tahiri was killed.", "COP:Police | :Abu Karim al-Tahiri"},
		// A person the dictionary knows who died in office keeps that office.
		{"Police said Abu Mahdi al-Muhandis was killed.", "COP:Police | IRQMIL:Abu Mahdi al-Muhandis"},
	} {
		if got := find(m, tt.text, d2025); got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}
