#!/usr/bin/env python3
"""Templated Swedish care-work QA pairs, shaped like an LLM generation pipeline's qa_passed.jsonl.

    python3 gen_templated.py --n 200000 --seed 22 --out qa_passed.jsonl [--truth truth.jsonl]

Questions come from 300 templates (100 hand-written frames x 3 framings) over one shared
care-work vocabulary (items, conditions, places, actions, symptoms, aids, roles, documents, times),
so many questions of one template differ in one or two slot words (natural near-duplicates at
Jaccard ~0.5-0.9). On top of that:
  * template clusters (~12 % of records): one filled question repeated 100-500 times with only a
    number changed, numbers counting up from a random start ("... i rum 17?", "... på våning 3,
    rum 12?", "... i lägenhet 1204?", "... klockan 14:30?", "... på avdelning 12B?");
  * one-word clusters (~4 % of records): one filled question, 10-60 variants with one slot word
    swapped or a synonym substitution (vårdtagare/brukare/boende, ska/bör, ...);
  * frames with under 3000 slot combinations get one of 20 context clauses on 80 % of their
    fresh questions ("... när vi är underbemannade?");
  * light LLM-like rewording on 15 % of fresh questions (a synonym, or a filler after "jag");
  * planted exact duplicates (3 % of records): a verbatim copy of an earlier question, with its own
    answer and score.
Answers are 300-1200 characters of Swedish text, some with newlines, "quotes" and tabs (escaped
by JSON). Everything is drawn from random.Random(seed): same arguments, same bytes.
"""
import argparse
import json
import random

SAK = ["inkontinensskydd", "kateterpåse", "sängkläder", "förband", "stödstrumpor", "handskar",
       "munskydd", "stomipåse", "lakan", "kompressionsförband", "hörapparatsbatteri", "tandprotes",
       "sondslang", "syrgasgrimma", "nattlinne", "underlägg", "plåster", "glidlakan", "örngott",
       "tvättlappar", "hudlotion", "barriärkräm", "droppåse", "urinflaska", "bäcken", "matskydd",
       "handduk", "engångsförkläde", "visir", "blöja", "dosett", "ögondroppar", "insulinpenna",
       "termometerskydd", "sårkompress", "nässpray", "salva", "trycksårsplåster", "hårborste",
       "tandborste"]
TILLSTAND = ["demens", "diabetes typ 2", "KOL", "hjärtsvikt", "Parkinsons sjukdom", "stroke",
             "MRSA", "trycksår", "urinvägsinfektion", "nedsatt syn", "svårläkta bensår", "epilepsi",
             "depression", "höftfraktur", "ALS", "multipel skleros", "magsjuka", "covid-19",
             "nedsatt njurfunktion", "Alzheimers sjukdom", "förstoppning", "sväljsvårigheter",
             "nedsatt hörsel", "reumatism", "benskörhet", "cancer i livets slutskede", "afasi",
             "kronisk smärta", "undernäring", "ångest", "inkontinens", "cellulit", "bältros",
             "förmaksflimmer", "högt blodtryck", "lunginflammation", "psoriasis", "schizofreni",
             "svår fetma", "utvecklingsstörning"]
PLATS = ["särskilt boende", "korttidsboendet", "hemtjänsten", "avdelningen", "demensboendet",
         "vårdavdelningen", "rehabavdelningen", "det ordinära boendet", "servicehuset",
         "gruppboendet", "äldreboendet", "hospicet", "dagverksamheten", "LSS-boendet",
         "geriatriken"]
HANDLING = ["förflyttning", "dusch", "munvård", "nagelvård", "såromläggning",
            "läkemedelsöverlämning", "vändning i sängen", "måltidsstöd", "blodtrycksmätning",
            "blodsockermätning", "kateterskötsel", "stomivård", "hårtvätt", "rakning",
            "på- och avklädning", "toalettbesök", "nattlig tillsyn", "fotvård", "hudvård",
            "sondmatning", "vätskeregistrering", "viktkontroll", "promenad", "inhalation",
            "ögonvård", "hörapparatskontroll", "sängbad", "lägesändring", "tandborstning",
            "uppresning från stol"]
SYMTOM = ["feber", "andfåddhet", "yrsel", "förvirring", "bröstsmärta", "illamående",
          "kräkningar", "blek hud", "svullna ben", "hosta", "ökad oro", "rodnad på hälen",
          "blod i urinen", "diarré", "sluddrigt tal", "kalla händer", "hög puls", "frossa",
          "huvudvärk", "ont i magen", "nedsatt aptit", "svettningar", "klåda", "hallucinationer",
          "ovanlig trötthet", "blåmärken", "smärta i höften", "torr mun", "mörk urin",
          "plötslig svaghet i armen"]
PERSON = ["sjuksköterskan", "läkaren", "enhetschefen", "anhöriga", "arbetsterapeuten",
          "fysioterapeuten", "dietisten", "god man", "biståndshandläggaren", "den fasta omsorgskontakten",
          "nattsjuksköterskan", "kontaktpersonen", "vårdhygien", "MAS", "tandhygienisten"]
TID = ["på natten", "under helgen", "på morgonen", "vid kvällsmålet", "under semestern",
       "vid skiftbyte", "efter lunch", "under storhelger", "vid överrapporteringen",
       "innan läkarbesöket", "på eftermiddagen", "vid frukost", "under ett strömavbrott",
       "vid hög personalomsättning", "under en värmebölja"]
HJALPMEDEL = ["lyften", "glidlakanet", "rullatorn", "rullstolen", "duschstolen", "vändskivan",
              "taklyften", "gåbordet", "trycksårsmadrassen", "trygghetslarmet", "ståhjälpen",
              "förflyttningsbältet", "toalettförhöjningen", "sängens grindar", "sensormattan",
              "griptången", "hygienstolen", "glidbrädan", "vårdsängen", "sittdynan"]
DOKUMENT = ["genomförandeplanen", "journalen", "avvikelserapporten", "signeringslistan",
            "vårdplanen", "dagsanteckningen", "riskbedömningen", "Senior alert", "vätskelistan",
            "dygnsrytmschemat", "levnadsberättelsen", "fallriskbedömningen", "bladderscanprotokollet",
            "delegeringsbeslutet", "BPSD-registret"]
LAKEMEDEL = ["Alvedon", "Waran", "insulin", "morfin", "Movicol", "Furix", "Oxascand", "Citodon",
             "Laxoberal", "Trombyl", "Eliquis", "Sertralin", "Zopiklon", "Levaxin", "Metformin",
             "Stesolid", "Haldol", "Betapred", "Kåvepenin", "Omeprazol"]

SLOTS = {"sak": SAK, "tillstånd": TILLSTAND, "plats": PLATS, "handling": HANDLING,
         "symtom": SYMTOM, "person": PERSON, "tid": TID, "hjälpmedel": HJALPMEDEL,
         "dokument": DOKUMENT, "läkemedel": LAKEMEDEL}

FRAMES = [
    "Hur ofta ska jag byta {sak} hos en vårdtagare med {tillstånd} på {plats}?",
    "Vad ska jag göra om en vårdtagare med {tillstånd} får {symtom} {tid}?",
    "När ska jag kontakta {person} om en vårdtagare med {tillstånd} har {symtom}?",
    "Hur använder jag {hjälpmedel} på ett säkert sätt vid {handling} på {plats}?",
    "Vad ska jag skriva i {dokument} efter {handling} hos en vårdtagare med {tillstånd}?",
    "Får jag ge {läkemedel} till en vårdtagare med {tillstånd} utan att fråga {person}?",
    "Hur förbereder jag {handling} för en vårdtagare med {tillstånd} {tid}?",
    "Vilka tecken på {tillstånd} ska jag vara uppmärksam på vid {handling}?",
    "Vem ansvarar för {handling} på {plats} {tid}?",
    "Hur ska jag förvara {sak} på {plats} enligt basala hygienrutiner?",
    "Vad gör jag om {hjälpmedel} går sönder under {handling} {tid}?",
    "Hur rapporterar jag {symtom} till {person} vid {handling}?",
    "Måste jag använda {sak} vid {handling} hos en vårdtagare med {tillstånd}?",
    "Hur dokumenterar jag i {dokument} att en vårdtagare med {tillstånd} har fått {läkemedel}?",
    "Vad innebär det att jag har delegering för {handling} på {plats}?",
    "Hur kan jag motivera en vårdtagare med {tillstånd} som inte vill ta emot hjälp med {handling}?",
    "Vilka risker finns det med {handling} hos en vårdtagare med {tillstånd} och {symtom}?",
    "Hur länge får {sak} sitta på innan den ska bytas på {plats}?",
    "Vad ska jag kontrollera på {hjälpmedel} innan {handling} {tid}?",
    "Hur vet jag om en vårdtagare med {tillstånd} har fått för mycket {läkemedel}?",
    "Ska jag meddela {person} om en vårdtagare vägrar {läkemedel} {tid}?",
    "Hur ofta ska {dokument} uppdateras för en vårdtagare med {tillstånd}?",
    "Vad säger rutinen om {handling} när vårdtagaren har {symtom}?",
    "Hur arbetar vi med {tillstånd} och {handling} på {plats}?",
    "Vilken skyddsutrustning behöver jag vid {handling} hos en vårdtagare med {tillstånd}?",
    "Hur gör jag om jag glömt att signera {dokument} efter {handling}?",
    "Vad är normalt och vad är avvikande vid {symtom} hos en vårdtagare med {tillstånd}?",
    "Hur hjälper jag en vårdtagare med {tillstånd} att använda {hjälpmedel}?",
    "När behöver {sak} kasseras på {plats}?",
    "Kan jag själv avgöra om en vårdtagare med {symtom} behöver {läkemedel}?",
    "Vad ska jag tänka på vid {handling} hos en vårdtagare med {tillstånd} {tid}?",
    "Hur ska {sak} sitta för att inte orsaka tryck hos en vårdtagare med {tillstånd}?",
    "Vem ska jag ringa om {person} inte svarar när en vårdtagare har {symtom}?",
    "Hur lång tid ska {handling} få ta hos en vårdtagare med {tillstånd} på {plats}?",
    "Vad gör jag om en vårdtagare med {tillstånd} faller i samband med {handling}?",
    "Hur informerar jag {person} om att {hjälpmedel} inte fungerar?",
    "Får anhöriga hjälpa till med {handling} på {plats}?",
    "Vilka hygienrutiner gäller för {sak} hos en vårdtagare med {tillstånd}?",
    "Hur bemöter jag en vårdtagare med {tillstånd} som har {symtom} {tid}?",
    "Vad betyder det när en vårdtagare med {tillstånd} plötsligt får {symtom}?",
    "Hur ska {läkemedel} överlämnas till en vårdtagare med {tillstånd} på {plats}?",
    "Är det tillåtet att krossa {läkemedel} till en vårdtagare med {tillstånd}?",
    "Hur ofta ska {hjälpmedel} rengöras på {plats}?",
    "Vad ska framgå i {dokument} om {handling} {tid}?",
    "Hur kan jag förebygga {symtom} hos en vårdtagare med {tillstånd}?",
    "Vilket ansvar har jag som undersköterska för {handling} på {plats}?",
    "Hur gör jag en avvikelse om {hjälpmedel} orsakade en skada vid {handling}?",
    "Vad ska jag göra om jag hittar {sak} på fel plats på {plats}?",
    "Hur ska jag agera om {person} ger en ordination om {läkemedel} per telefon?",
    "Vad ska jag observera efter att en vårdtagare med {tillstånd} fått {läkemedel}?",
    "Hur hanterar jag {sak} som blivit förorenat vid {handling}?",
    "Får jag utföra {handling} ensam hos en vårdtagare med {tillstånd} {tid}?",
    "Hur många personal behövs vid {handling} med {hjälpmedel}?",
    "Vad gör jag om en vårdtagare med {tillstånd} vägrar {handling} {tid}?",
    "Hur ska jag mäta och dokumentera {symtom} i {dokument}?",
    "Kan en vårdtagare med {tillstånd} använda {hjälpmedel} själv på {plats}?",
    "Vilka frågor ska jag ställa till {person} inför {handling}?",
    "Hur påverkar {tillstånd} vårdtagarens behov av {handling}?",
    "Vad gäller för tystnadsplikt när {person} frågar om en vårdtagare med {tillstånd}?",
    "Hur ska jag göra om {läkemedel} saknas i dosetten {tid}?",
    "Vad ska ingå i överrapporteringen om en vårdtagare med {tillstånd} och {symtom}?",
    "Hur tar jag hand om {sak} efter att en vårdtagare med {tillstånd} har avlidit?",
    "Vad ska jag göra med {sak} när en vårdtagare med {tillstånd} flyttar från {plats}?",
    "Hur ofta ska jag erbjuda {handling} till en vårdtagare med {tillstånd} {tid}?",
    "Vilka symtom på {tillstånd} ska rapporteras till {person} direkt?",
    "Ska {symtom} hos en vårdtagare med {tillstånd} alltid dokumenteras i {dokument}?",
    "Hur kontrollerar jag att {hjälpmedel} är rätt inställd för en vårdtagare med {tillstånd}?",
    "Vad gör jag om en vårdtagare med {tillstånd} tar av sig {sak} {tid}?",
    "Hur tvättar jag händerna rätt före och efter {handling}?",
    "När ska {person} bjudas in till vårdplaneringen för en vårdtagare med {tillstånd}?",
    "Hur ska jag hantera stickande och skärande avfall efter {handling} på {plats}?",
    "Vad gör jag om {läkemedel} har fel färg eller form {tid}?",
    "Hur länge ska en vårdtagare med {tillstånd} ligga i samma läge på {hjälpmedel}?",
    "Vilka rutiner gäller för {handling} vid misstänkt {tillstånd} på {plats}?",
    "Hur kan jag se om {sak} sitter för hårt på en vårdtagare med {symtom}?",
    "Vad ska jag göra om jag själv får {symtom} efter {handling} hos en vårdtagare med {tillstånd}?",
    "Hur lär jag mig att använda {hjälpmedel} som nyanställd på {plats}?",
    "Vad är skillnaden mellan {handling} och egenvård för en vårdtagare med {tillstånd}?",
    "Hur säkerställer jag rätt vårdtagare innan jag ger {läkemedel} {tid}?",
    "Vem beställer nya {sak} på {plats} och hur ofta?",
    "Hur hanterar jag stress när {handling} tar för lång tid {tid}?",
    "Vad ska jag göra om en vårdtagare med {tillstånd} har {symtom} och {person} inte är på plats?",
    "Hur gör jag för att vårdtagaren ska känna sig trygg vid {handling} med {hjälpmedel}?",
    "Kan jag ge {läkemedel} vid behov till en vårdtagare med {symtom} {tid}?",
    "Vad är viktigt att tänka på vid {handling} av en vårdtagare med {tillstånd} i livets slutskede?",
    "Hur markerar jag {sak} som tillhör en vårdtagare med {tillstånd} på {plats}?",
    "Vilka hjälpmedel utöver {hjälpmedel} kan underlätta {handling}?",
    "Hur ska jag kommunicera med en vårdtagare med {tillstånd} under {handling}?",
    "Hur upptäcker jag tidigt att en vårdtagare med {tillstånd} håller på att få {symtom}?",
    "Vad gäller om {person} vill ändra {dokument} för en vårdtagare med {tillstånd}?",
    "Hur förvarar jag {läkemedel} säkert på {plats}?",
    "Vad gör jag om {sak} tar slut {tid} på {plats}?",
    "Hur mycket vätska ska en vårdtagare med {tillstånd} dricka {tid}?",
    "Vilka observationer ska jag göra vid {handling} hos en vårdtagare med {tillstånd}?",
    "Hur undviker jag smittspridning vid {handling} hos en vårdtagare med {tillstånd}?",
    "Vad betyder det att {läkemedel} är narkotikaklassat för mitt arbete på {plats}?",
    "När ska en vårdtagare med {symtom} få hjälp med {handling} av två personal?",
    "Hur tar jag emot en ny vårdtagare med {tillstånd} på {plats} {tid}?",
    "Vad ska jag göra om en vårdtagare med {tillstånd} sätter i halsen vid {handling}?",
]
# Framings: as a pipeline prompting with different personas and styles would word them.
FRAMINGS = [
    lambda q: q,
    lambda q: "Som nyanställd undersköterska undrar jag: " + q[0].lower() + q[1:],
    lambda q: q[:-1] + ", enligt våra rutiner?",
]
TEMPLATES = [(f, w) for f in range(len(FRAMES)) for w in range(len(FRAMINGS))]  # 300

# Numbers run from a random start in member order (as a pipeline walking a list of rooms would),
# so a cluster's members are distinct questions.
NUMBER_TAILS = [
    (" i rum {n}?", lambda start, k: start + k),
    (" på våning {n}?", lambda start, k: "%d, rum %d" % (1 + k // 40, 1 + k % 40)),
    (" i lägenhet {n}?", lambda start, k: 1000 + start + k),
    (" klockan {n}?", lambda start, k: "%02d:%02d" % (((start + 7 * k) // 60) % 24, (start + 7 * k) % 60)),
    (" på avdelning {n}?", lambda start, k: "%d%s" % (1 + (start + k) // 4, "ABCD"[(start + k) % 4])),
    (" i säng nummer {n}?", lambda start, k: start + k),
]
# Context an LLM adds to a question: appended to fresh questions of frames with few slot values.
KONTEXT = ["när vi är underbemannade", "om vårdtagaren bor ensam", "om vårdtagaren har ett annat modersmål",
           "när jag arbetar ensam", "om vårdtagaren är nyinflyttad", "när anhöriga är på besök",
           "om vårdtagaren är sängliggande", "när det är stressigt", "om vårdtagaren har hörselnedsättning",
           "när sjuksköterskan är på ett annat boende", "om vårdtagaren har en kognitiv svikt",
           "när vi har många vikarier", "om vårdtagaren är i livets slutskede", "under introduktionen",
           "när jag har delegering", "om vårdtagaren nyss kommit hem från sjukhuset",
           "om vårdtagaren har ett hot- och våldsbeteende", "när det saknas en rutin för det",
           "om vårdtagaren inte kan uttrycka sig", "när vårdtagaren har besök av hemsjukvården"]
SYNONYMS = [("vårdtagare", "brukare"), ("vårdtagare", "boende"), ("vårdtagare", "patient"),
            ("ska jag", "bör jag"), ("Hur ", "På vilket sätt "), ("Vad ska jag", "Vad bör jag"),
            ("Får jag", "Är det okej att jag"), ("Hur ofta", "Hur många gånger"),
            ("kontakta", "ringa"), ("göra", "ta mig till"), ("rutinen", "riktlinjen")]
FILLERS = [" egentligen", " i praktiken", " i första hand"]

SENTENCES = [
    "Börja alltid med att tvätta och desinfektera händerna enligt basala hygienrutiner.",
    "Informera vårdtagaren om vad du ska göra och vänta in ett samtycke innan du börjar.",
    "Kontrollera i genomförandeplanen hur vårdtagaren vill ha det och vad som fungerar bäst.",
    "Om du är osäker ska du alltid fråga den ansvariga sjuksköterskan innan du fortsätter.",
    "Dokumentera det du har gjort och det du har observerat i journalen samma dag.",
    "Var uppmärksam på förändringar i vårdtagarens allmäntillstånd, till exempel trötthet, förvirring eller minskad aptit.",
    "Använd engångsförkläde och handskar när det finns risk för kontakt med kroppsvätskor.",
    "Skriv en avvikelserapport om något har gått fel eller nästan gått fel, så att verksamheten kan lära sig av det.",
    "Tänk på att vårdtagarens integritet ska respekteras, även när det är bråttom.",
    "Ta hjälp av en kollega vid tunga förflyttningar och använd de hjälpmedel som finns förskrivna.",
    "Rapportera till sjuksköterskan direkt om vårdtagaren får feber, andningsbesvär eller plötslig smärta.",
    "Enligt rutinen ska det här göras minst en gång per dygn, oftare vid behov.",
    "Huden ska inspekteras dagligen hos vårdtagare med risk för trycksår, särskilt över hälar och korsben.",
    "Ge vårdtagaren tid och låt hen göra så mycket som möjligt själv, det bevarar förmågor och självkänsla.",
    "Läkemedel får bara överlämnas om du har en giltig delegering och har signerat på signeringslistan.",
    "Kasta förbrukningsmaterial i rätt avfallskärl och desinfektera ytor som har kontaminerats.",
    "Vid misstanke om smitta ska vårdhygiens rekommendationer följas och vårdtagaren isoleras på rummet.",
    "Fråga alltid vårdtagaren om smärta, och använd en smärtskattningsskala om hen har svårt att uttrycka sig.",
    "Anhöriga kan vara en viktig källa till information, men tystnadsplikten gäller fortfarande.",
    "Vid akut försämring ringer du 112 först och kontaktar sjuksköterskan därefter.",
    "Se till att larmet är inom räckhåll för vårdtagaren innan du lämnar rummet.",
    "Vätske- och näringsintag ska registreras om det står i vårdplanen.",
    "Hjälpmedel ska kontrolleras före användning; ett trasigt hjälpmedel tas ur bruk och märks upp.",
    "Vårdtagare med demens kan reagera starkt på förändringar, så försök att hålla samma rutiner varje dag.",
    "Det är bättre att fråga en gång för mycket än att chansa när det gäller patientsäkerheten.",
    "Om vårdtagaren säger nej ska du respektera det, dokumentera och informera sjuksköterskan.",
    "Munvård förebygger lunginflammation och ska ges morgon och kväll, även till den som saknar egna tänder.",
    "Blodsockret kontrolleras enligt ordination; vid värden under 4 mmol/l ska vårdtagaren få något sött att dricka.",
    "Sängen ska vara i arbetshöjd under omvårdnaden och sänkas till lägsta nivå efteråt.",
    "Vid fall ska vårdtagaren inte lyftas upp förrän sjuksköterskan har bedömt eventuella skador.",
    "Kompressionsstrumpor sätts på på morgonen innan benen hunnit svullna.",
    "Katetern ska alltid hänga under blåsans nivå för att undvika återflöde.",
    "Det är sjuksköterskan som bedömer om ett sår behöver läkarkontakt.",
    "Kom ihåg att du som undersköterska har ett eget yrkesansvar, även när du arbetar på delegering.",
    "Vid nattlig tillsyn ska du störa så lite som möjligt men ändå försäkra dig om att vårdtagaren andas normalt.",
    "Vid skiftbyte ska viktig information föras vidare muntligt och skriftligt.",
    "Rutinerna kan skilja sig mellan olika enheter, så läs alltid den lokala rutinen på din arbetsplats.",
    "Många kommuner använder Senior alert för att förebygga fall, trycksår, undernäring och ohälsa i munnen.",
    "Om vårdtagaren har sväljsvårigheter ska maten ha rätt konsistens enligt dietistens ordination.",
    "Efter användning ska duschstolen rengöras med rengöringsmedel och därefter desinfekteras med alkohol.",
]
QUOTES = ["Som det står i rutinen: \"hellre en gång för mycket än en för lite\".",
          "Sjuksköterskan brukar säga \"dokumentera det du ser, inte det du tror\".",
          "Rutinen \"Basala hygienrutiner i vård och omsorg\" gäller alltid.",
          "Skriv till exempel \"vårdtagaren avböjde dusch, erbjuds igen i morgon\" i journalen."]
LIST_ITEMS = ["tvätta händerna", "ta på handskar och förkläde", "informera vårdtagaren",
              "kontrollera hjälpmedlet", "dokumentera i journalen", "meddela sjuksköterskan",
              "kasta avfallet rätt", "desinfektera ytorna", "sänk sängen", "sätt larmet inom räckhåll"]
DOCS = ["basala-hygienrutiner", "lakemedelshantering", "forflyttning", "trycksar", "fallprevention",
        "munvard", "nutrition", "kateter", "stomi", "demensvard", "palliativ-vard", "avvikelser",
        "dokumentation", "delegering", "smittskydd", "hjalpmedel", "nattlig-tillsyn", "sarvard",
        "diabetes", "vatska"]
ERFARENHET = ["nyanstald", "nyanstald", "erfaren", "vikarie", "student"]


def fill(rng, frame, fixed=None):
    values = {}
    for name, pool in SLOTS.items():
        if "{" + name + "}" in frame:
            values[name] = rng.choice(pool)
    if fixed:
        values.update(fixed)
    return frame.format(**values), values


def combinations(frame):
    n = 1
    for name, pool in SLOTS.items():
        if "{" + name + "}" in frame:
            n *= len(pool)
    return n


def fresh(rng):
    f, w = rng.choice(TEMPLATES)
    q, _ = fill(rng, FRAMES[f])
    if combinations(FRAMES[f]) < 3000 and rng.random() < 0.8:
        q = q[:-1] + " " + rng.choice(KONTEXT) + "?"
    q = FRAMINGS[w](q)
    if rng.random() < 0.15:  # light LLM-like rewording
        if rng.random() < 0.6:
            a, b = rng.choice(SYNONYMS)
            q = q.replace(a, b, 1)
        else:
            q = q.replace(" jag ", " jag" + rng.choice(FILLERS) + " ", 1)
    return q


def answer(rng):
    target = int(rng.triangular(300, 1200, 1200))
    table = False
    parts = []
    length = 0
    style = rng.random()
    while length < target:
        r = rng.random()
        if style < 0.2 and r < 0.25:
            items = rng.sample(LIST_ITEMS, rng.randint(2, 4))
            s = "\n" + "\n".join("- " + i.capitalize() for i in items) + "\n"
        elif style < 0.3 and r < 0.1 and not table:
            table = True
            s = "Steg\tÅtgärd\n1\t" + rng.choice(LIST_ITEMS) + "\n2\t" + rng.choice(LIST_ITEMS) + "\n"
        elif r < 0.06:
            s = rng.choice(QUOTES)
        else:
            s = rng.choice(SENTENCES)
        parts.append(s)
        length += len(s) + 1
        if style < 0.35 and rng.random() < 0.2:
            parts.append("\n\n")
    text = " ".join(parts).replace(" \n", "\n").replace("\n ", "\n")
    return text[:1200].rstrip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200000)
    ap.add_argument("--seed", type=int, default=22)
    ap.add_argument("--out", required=True)
    ap.add_argument("--truth", help="also write per line its kind (fresh, number, word, exact)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    n = args.n

    # Plan: which records belong to template clusters (number tails) and one-word clusters.
    plan = [None] * n
    clusters = []  # (kind, payload)
    pos = 0
    budget_number = int(n * 0.12)
    while budget_number > 0:
        size = min(budget_number, rng.randint(100, 500))
        f, w = rng.choice(TEMPLATES)
        q, _ = fill(rng, FRAMES[f])
        tail, draw = rng.choice(NUMBER_TAILS)
        # the number goes into the question, then the framing: "... i rum {n}, enligt våra rutiner?"
        q = FRAMINGS[w](q[:-1].replace("{", "{{").replace("}", "}}") + tail)
        clusters.append(("number", (q, draw, rng.randint(1, 400), [0])))
        for m in range(size):
            plan[pos] = len(clusters) - 1
            pos += 1
        budget_number -= size
    budget_word = int(n * 0.04)
    while budget_word > 0:
        size = min(budget_word, rng.randint(10, 60))
        f, w = rng.choice(TEMPLATES)
        _, values = fill(rng, FRAMES[f])
        clusters.append(("word", (f, w, values)))
        for m in range(size):
            plan[pos] = len(clusters) - 1
            pos += 1
        budget_word -= size
    rng.shuffle(plan)

    emitted = []
    truth = open(args.truth, "w", encoding="utf-8") if args.truth else None
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        for i in range(n):
            c = plan[i]
            if emitted and rng.random() < 0.03:
                q = rng.choice(emitted)
                kind = "exact"
            elif c is None:
                q = fresh(rng)
                kind = "fresh"
            elif clusters[c][0] == "number":
                template, draw, start, counter = clusters[c][1]
                q = template.format(n=draw(start, counter[0]))
                counter[0] += 1
                kind = "number:%d" % c
            else:
                f, w, values = clusters[c][1]
                values = dict(values)
                name = rng.choice(list(values))
                values[name] = rng.choice(SLOTS[name])
                q = FRAMINGS[w](FRAMES[f].format(**values))
                if rng.random() < 0.3:
                    a, b = rng.choice(SYNONYMS)
                    q = q.replace(a, b, 1)
                kind = "word:%d" % c
            emitted.append(q)
            rec = {
                "question": q,
                "answer": answer(rng),
                "source_document": "rutiner/%s.md" % rng.choice(DOCS),
                "persona": {"roll": "underskoterska", "erfarenhet": rng.choice(ERFARENHET)},
                "validation": {"passed": True, "composite_score": round(rng.uniform(0.70, 0.99), 2)},
            }
            out.write(json.dumps(rec, ensure_ascii=False))
            out.write("\n")
            if truth:
                truth.write(json.dumps({"line": i + 1, "kind": kind}, ensure_ascii=False) + "\n")
    if truth:
        truth.close()


if __name__ == "__main__":
    main()
