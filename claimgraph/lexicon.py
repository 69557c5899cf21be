"""Word lists and patterns the drafting step reads articles with: quote marks, sentence
openers and abbreviations, attribution verbs and cues, speaker heads (people, bodies,
outlets), vague groups, name connectors and opinion words.

Kept apart from the code that reads them (:mod:`claimgraph.sentences`, :mod:`claimgraph.entities`,
:mod:`claimgraph.cues`, :mod:`claimgraph.quotes`, :mod:`claimgraph.extract`) so the lists can be
read and extended on their own.
"""

from __future__ import annotations

import re

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DQ = '"\u201c\u201d\u201e\u201f\u00ab\u00bb'
_SQ = "'\u2018\u2019\u201a\u201b\u2039\u203a"
_QUOTE_CHARS = _DQ + _SQ
_QMARK = re.compile("[" + re.escape(_QUOTE_CHARS) + "]")
_OPEN_CONTEXT = "([{\u2014\u2013-/:;\u2026"
_CLOSE_FOLLOW = ".,;:!?)]}\u2014\u2013-\u2026/"

_OPEN, _CLOSE, _BOTH, _DIGIT_CLOSE = 1, 2, 3, 4


# -- sentence boundaries
# Titles after which a period never ends a sentence.
_NEVER_END = _words(
    "adm approx atty brig capt cf cmdr col cpl dept det dr e.g fr gen gens gov hon i.e insp lt "
    "maj messrs mmes mr mrs ms pres prof pvt rep reps rev sec sen sens sgt st supt vs"
)
# Words after which a period does not end a sentence when a number follows ("No. 5", "Jan. 6").
_BEFORE_NUMBER = _words(
    "apr art arts aug ch chap dec feb fig figs jan jul jun mar no nos nov oct op p pp sep sept "
    "vol vols"
)
# Abbreviations (and state names) that may end a sentence: split only before a typical opener.
_ENDABLE = _words(
    "a.m ala apr ariz ark aug bros calif co colo conn corp d.c dec del etc feb fla ga ill inc ind "
    "jan jr jul jun kan kans ky la llc ltd mar mass md mich minn miss mo mont n.c n.d n.h n.j n.m "
    "n.y neb nev nov oct okla ore p.m pa plc r.i s.c s.d sep sept sr tenn tex u.k u.n u.s va vt "
    "w.va wash wis wyo"
)
# Words that typically open a sentence.
_STARTERS = _words(
    "a according after all also although an and as at authorities because before both but by "
    "critics despite during each earlier every experts for from he her his how however i if in "
    "investigators it its last later many meanwhile most my next no now officials on one or other "
    "our over police she since so some still such that the their then there these they this those "
    "though three two under we what when where while who why with yet you"
)
# Small words a title-case heading leaves in lower case.
_HEAD_SMALL = _words(
    "a an and as at but by for from in into nor of off on or out over per so than the to up via "
    "vs with yet"
)

_ACRONYM_DOTS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_WORD_AT = re.compile(r"[^\W_][\w\u2019'\-]*")
_HEAD_WORD = re.compile(r"[^\W_][\w\u2019'\-.:]*")
_TERM = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*")
_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:[\u2019'\-\u2010]\w+)*|[^\w\s]")

# -- attribution cues
# Verbs that attribute words or findings to a subject.
_SPEECH_VERBS = _words(
    "accused acknowledged acknowledges added adding adds admits admitted affirmed agree agreed "
    "agrees allege alleged alleges announced announces argue argued argues arguing asked asks "
    "asserted asserts believe believed believes blamed called calls cautioned cautions cited "
    "cites claim claimed claims clarified commented complained conceded concedes concluded "
    "concludes concluding confirmed confirms contend contended contends continued continues "
    "countered declared declares demanded denied denies described describes determined disagreed "
    "disclosed documented emailed emphasized emphasizes estimated estimates explained explaining "
    "explains fear feared fears finds flagged flags found highlighted highlighting highlights "
    "indicated indicates indicating insist insisted insists joked maintained maintains mentioned "
    "noted notes noting observed observes pledged posted predict predicted predicts projected "
    "projects promised questioned quipped read reads recalled recalls recommended recommends "
    "reiterated remarked repeated replied reported reports responded revealed reveals ruled said "
    "say saying says shouted showed shows stated states stressed stresses suggest suggested "
    "suggests tells testified testifies texted told tweeted urged urges urging vowed warn warned "
    "warning warns whispered wondered worries worry writes wrote yelled"
)
# Verbs that may come before their subject after a quote ("…,” said X").
_INVERTING = _words(
    "added adds argued asked asks concluded concludes continued continues countered declared "
    "explained explains insisted joked noted notes quipped reads recalled recalls remarked "
    "replied responded said says shouted stated states testified told warned writes wrote"
)
# Verbs that frame a partial quote (called the delays “unacceptable”).
_DESCRIBE_VERBS = _words(
    "branded called calling calls deemed described describes describing labeled labelled termed"
)
# Cues that only documents and bodies use ("the data showed").
_EVIDENCE_VERBS = _words(
    "documented estimated estimates highlighted highlighting highlights indicated indicates "
    "indicating projected projects revealed reveals showed shows"
)
# Words before quote marks that hold a title, not a quote.
_TITLE_CUES = _words(
    "captioned dubbed entitled headlined named nicknamed subtitled titled"
)
# Adverbs and auxiliaries between a subject and its cue.
_ADV_AUX = _words(
    "additionally again already also bluntly earlier even first flatly frequently further had has "
    "have initially last later likewise often once only previously privately publicly recently "
    "repeatedly separately similarly simply since specifically still subsequently then ultimately "
    "will would"
)
# Adverbs that carry on an attribution ("the report further states").
_CONTINUING = _words(
    "additionally again also further furthermore"
)
_PASSIVE = _words(
    "are be been being is was were"
)
# Prepositions: a name right after one is not the subject of a cue.
_BAD_BEFORE_SUBJECT = _words(
    "about against among at between by for from in into like of on onto over per than through to "
    "toward towards under upon via within without"
)
# Words that open an introductory phrase before the subject ("In 2023, …").
_INTRO_WORDS = _words(
    "after also although at before by despite during earlier for however in instead last later "
    "meanwhile nationally on overall separately since still when while with yet"
)
_PUBLISHED = _words(
    "commissioned compiled filed issued posted prepared produced published released"
)

# -- noun phrases
_DETERMINERS = _words(
    "a an another her his its many one other our several some that the their these this those"
)
# Nouns that make a document speaker ("the report", "the audit").
_DOC_HEADS = _words(
    "affidavit alert analysis assessment audit bill brief budget census complaint data decision index "
    "document email estimates evaluation figures filing findings forecast guidance indictment "
    "inquiry investigation lawsuit letter memo memorandum motion notice opinion order paper "
    "petition plan poll post probe proposal records release report reports review ruling "
    "statement statistics study suit summary survey testimony transcript tweet verdict"
)
# Lower-case modifiers allowed inside a document phrase.
_DOC_MODS = _words(
    "agency agency's annual autopsy budget census city confidential congressional county court "
    "court's crime department's draft earlier economic employment federal final fiscal full "
    "general's government health house independent initial inspector interim internal jobs joint "
    "latest leaked legal monthly new official police preliminary previous prior public quarterly "
    "recent revenue revised safety same senate staff state two-page unpublished updated watchdog "
    "weekly written"
)
# Plural nouns of vague groups ("critics", "officials").
_GROUP_HEADS = _words(
    "activists administrators advocates agencies agents aides analysts attorneys authorities "
    "campaigners commentators commissioners companies conservatives councilmembers critics "
    "defenders democrats detractors diplomats directors doctors economists employees engineers "
    "epidemiologists executives experts families farmers forecasters groups historians insiders "
    "inspectors investigators landlords lawmakers lawyers leaders legislators liberals managers "
    "members nurses observers officers officials opponents organizations organizers others owners "
    "parents passengers people physicians planners pollsters progressives proponents prosecutors "
    "protesters pundits regulators representatives republicans researchers residents scholars "
    "scientists senators skeptics sources spokespeople staffers students supporters teachers "
    "tenants trustees unions victims voters witnesses workers"
)
_GROUP_QUANT = _words(
    "dozens few four hundreds many most numerous other others several some three two various"
)
# Plural heads that may stand for people just named ("the senators").
_JOINT_HEADS = _words(
    "congressmen congresswomen governors lawmakers legislators mayors representatives senators"
)
# Singular nouns of an unnamed speaker ("a spokesperson", "an official").
_ANON_HEADS = _words(
    "agent aide analyst attorney doctor economist employee executive expert insider lawmaker "
    "lawyer member nurse officer official person representative researcher resident scientist "
    "source spokesman spokesperson spokeswoman staffer witness worker"
)
# Heads that point back to a person ("the senator", "the Iowa Republican").
_PERSON_ANAPHORS = _words(
    "administrator attorney ceo chair chairman chairwoman chief commissioner congressman "
    "congresswoman democrat director economist executive founder general governor inspector judge "
    "justice lawmaker man mayor minister official president prosecutor representative republican "
    "researcher secretary senator sheriff spokesman spokesperson spokeswoman superintendent "
    "surgeon woman"
)
# Person heads that fit anyone, whatever the role.
_GENERIC_PERSON_HEADS = _words(
    "democrat executive lawmaker man official republican spokesman spokesperson spokeswoman woman"
)
# Heads that point back to a body ("the agency", "the court").
_ORG_ANAPHORS = _words(
    "administration agency airline authority automaker bank board brand bureau business campaign "
    "carrier chain chipmaker city coalition commission committee company contractor council "
    "county court defendant department developer district drugmaker employer firm government "
    "grocer group hospital insurer lender maker manufacturer ministry network nonprofit office "
    "operator organization plaintiff publisher railroad retailer school startup state station "
    "supplier union university utility watchdog"
)
# Body heads that must appear in the name of the body they point to.
_NAMED_ORG_HEADS = _words(
    "bank church college commission committee council court hospital house legislature library "
    "ministry museum parliament school senate union university"
)
# Capitalised title words: the last one divides a role from a name.
_ROLE_WORDS = _words(
    "Acting Adm Adm. Administrator Admiral Adviser Advisor Agent Alderman Alderwoman Ambassador "
    "Analyst Assemblyman Assemblymember Assemblywoman Assistant Associate Attorney Atty Atty. "
    "Auditor Barrister Capt Capt. Captain CEO CFO Chair Chairman Chairperson Chairs Chairwoman "
    "Chancellor Chief Clerk Cmdr Cmdr. Co-founder Coach Cofounder Col Col. Colonel Commander "
    "Commissioner Comptroller Congressman Congresswoman Controller COO Coroner Councillor "
    "Councilman Councilmember Councilwoman Counsel CTO Dean Delegate Deputy Det Det. Detective "
    "Director Dr Dr. Economist Economists Epidemiologist Examiner Executive Former Founder Gen "
    "Gen. General Gov Gov. Governor Governors Insp Inspector Interim Judge Judges Justice "
    "Justices Lawmaker Leader Lieutenant Lt Lt. Magistrate Maj Maj. Majority Manager Marshal "
    "Mayor Mayors Member Minister Minority Miss Mr Mr. Mrs Mrs. Ms Ms. Officer Physician Pope "
    "Premier President Press Prime Principal Prof Prof. Professor Prosecutor Provost Rabbi "
    "Ranking Rep Rep. Representative Representatives Reps Rev Reverend Secretary Sen Sen. Senator "
    "Senators Senior Sens Sergeant Sgt Sgt. Sheriff Solicitor Speaker Special Spokesman "
    "Spokesperson Spokeswoman Staff Statistician Superintendent Supt Supt. Treasurer Trustee Vice "
    "Vice-President Warden"
)
# Title abbreviations that keep their period inside a name ("Sen.").
_TITLE_ABBR = _words(
    "Adm Atty Capt Cmdr Col Det Dr Gen Gov Hon Insp Jr Lt Maj Messrs Mr Mrs Ms Pres Prof Rep Reps "
    "Rev Sen Sens Sgt Sr St Supt"
)
# Words that make a capitalised phrase a body.
_ORG_WORDS = _words(
    "Academy Administration Affairs Agencies Agency Airline Airlines Alliance Army Assembly "
    "Association Attorneys Authority Bank Board Bureau Cabinet Campaign Caucus Center Centre "
    "Church Clearinghouse Co Co. Coalition College Commission Commissioners Committee Company "
    "Conference Congress Corp Corp. Corporation Corps Council Court Department Departments Dept "
    "District Enforcement Federation Force Forum Foundation Fund Government Group Guard Holdings "
    "Hospital House Inc Inc. Industries Initiative Institute Institutes Judiciary Kremlin Lab "
    "Laboratories Laboratory League Legislature Library LLC Ltd Ltd. Marshals Ministry Museum "
    "Navy Network Office Offices Operations Organisation Organization Parliament Partners Party "
    "Patrol Pentagon Police Program Project Prosecutors Railroad Railway Regents Reserve "
    "Resettlement Safety School Schools Security Senate Service Services Sheriff's Society "
    "Station Subcommittee Supervisors Systems Team Technologies Transit Treasury Tribunal Trust "
    "Trustees Union University Watch"
)
# Words that make a body a government body.
_GOV_WORDS = _words(
    "Administration Agencies Agency Army Authority Bureau Cabinet Commission Commissioners "
    "Committee Congress Corps Council Court Department Departments Dept Enforcement Government "
    "Guard House Inspector Judiciary Kremlin Legislature Marshals Ministry Navy Office Offices "
    "Parliament Patrol Pentagon Police Reserve Senate Subcommittee Supervisors Treasury Tribunal"
)
_GOV_ACRONYMS = _words(
    "ATF BIA BLM BLS CBO CBP CDC CFPB CIA CMS DEA DHS DHS-OIG DMV DOC DOD DOE DOJ DOL DOS DOT ED "
    "EEOC EPA ERO EU FAA FBI FCC FDA FDIC FEC FEMA FHWA FRA FTA FTC GAO GSA HHS HHS-OIG HUD ICE "
    "IRS MTA NASA NATO NHTSA NIH NLRB NOAA NPS NSA NTSB OCC OIG OMB OPLA OPM ORR OSHA SBA SEC SSA "
    "TSA UN USAID USCIS USDA USGS USPS VA WHO"
)
_OUTLET_NAMES = _words(
    "abc afp ap axios bbc bloomberg breitbart cbs cnn foxnews msnbc nbc newsweek npr politico "
    "propublica reuters semafor upi vox"
)
# Last words of outlet names ("The Daily Caller").
_OUTLET_SUFFIX = _words(
    "Advocate Beast Bee Bulletin Caller Chronicle Courier Daily Dealer Dispatch Enquirer Examiner "
    "Express Gazette Globe Guardian Herald Inquirer Intercept Journal Leader Ledger Mail Mercury "
    "Monitor News Observer Plain Post Press Record Register Reporter Review Sentinel Standard "
    "Star Sun Telegraph Times Tribune Wire"
)
# Capitalised words that do not start a name.
_NAME_STOP = _words(
    "According After All Also Although Among And April As At August Because Before Between Both "
    "But By Critics December Despite During Each Earlier Every Experts February For Friday From "
    "He Here How However I If In Instead It January July June Last Later Locally Many March May "
    "Meanwhile Monday Most Nationally Next No Notices November Now October Officials On One Or "
    "Other Over Overall Saturday Separately September Several She Since So Some Statewide Still "
    "Such Sunday That The Then There These They This Those Though Three Thursday Today Tomorrow "
    "Tuesday Two Under We Wednesday What When Where While Who Why With Within Without Yesterday "
    "Yet"
)
# Months that are also first names ("June Dunning").
_FIRST_NAME_MONTHS = _words(
    "April August June May"
)
# Lower-case words inside names ("Department of Justice").
_CONNECTORS = _words(
    "& al and bin da de del della den der di du for la le of the van von y"
)

# -- quote filters
# Words before a modifier in quote marks (the “sanctuary” policies).
_MODIFIER_CONTEXT = _words(
    "a an any her his its my new our so-called some such that the their these this those your"
)
_FUNCTION_WORDS = _words(
    "about after against and are as at because before between but by could during for from had "
    "has have if in into is may might nor of on or over said says should since so than that then "
    "through to told under unless until was were when where which while who whom whose will with "
    "within without would yet"
)

_PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "thing", "we": "self", "i": "self"}
_OUTLET_PHRASES = (
    "the center square", "center square", "associated press", "fox news", "new york times", "washington post",
    "wall street journal", "los angeles times", "daily caller", "epoch times", "the hill", "the atlantic",
    "the guardian", "the economist", "the intercept", "daily beast", "usa today", "financial times",
    "the telegraph", "the independent", "daily mail", "national review", "the nation", "the new yorker",
    "roll call", "the texas tribune", "kaiser health news", "kff health news", "stateline", "courthouse news",
    "the marshall project", "the 19th", "chalkbeat", "nbc news", "cbs news", "abc news", "cnbc",
)
_PREV_WORD = re.compile(r"([\w\-]+)\W{0,10}$")
_KNOWN_AS = re.compile(r"\bknown\b[\w\s,]{0,30}\bas$")
_NEXT_LOWER = re.compile(r"\s+([a-z]+)")
_LOWER_WORDS = re.compile(r"[a-z]+")
_LAST_WORD = re.compile(r"(\w+)\W{0,20}$")

_OPINION = re.compile(
    r"\b(?:(?:may|might|could|would|will)\s+(?:well\s+)?(?:only\s+)?(?:continue\s+to\s+)?"
    r"(?:worsen|deteriorate|get\s+worse|spiral|escalate|collapse)"
    r"|remains?\s+(?:uncertain|unclear|to\s+be\s+seen|in\s+doubt)"
    r"|alarming|troubling|disturbing|shocking|outrageous|appalling|unacceptable|disgraceful|shameful|egregious"
    r"|reckless|deplorable|horrific|tragic|staggering|unconscionable|vulnerable|heartbreaking|scandalous"
    r"|absurd|ridiculous|incompetent|disastrous|catastrophic|inexcusable|baffling|laudable|commendable"
    r"|admirable|dire|grim|bleak|woeful|abysmal|dismal"
    r"|should|must|ought\s+to|clearly|obviously|unfortunately|sadly|alarmingly|shockingly|tragically"
    r"|undoubtedly|arguably|frankly|thankfully|hopefully"
    r"|it\s+is\s+(?:clear|obvious|time|essential|imperative|critical\s+that))\b",
    re.IGNORECASE,
)

_TAIL_CAP = re.compile(
    r"(?:[A-Z][\w\u2019'.\-]*\s+){1,5}(?:said|says|added|wrote|told|stated|noted|asked|continued|explained|"
    r"argued|insisted|recalled|replied|warned|reads|concluded|declared)\b"
)
