"""Builds schema/first-names-faker.txt: first names of Faker's person
providers (MIT), Latin script, without names that are German or English
words, places or other non-names in the project's own lexicons."""
import csv, json, sys, re
root = '/work/wt-people/schema'
def lines(p):
    out = []
    for l in open(p, encoding='utf-8'):
        l = l.split('#')[0].strip()
        if l: out.append(l)
    return out
curated = set(lines(f'{root}/first-names.txt'))
gaz = json.load(open(f'{root}/people.json', encoding='utf-8'))
np_ = gaz['not_people']
stop = set(np_['words']) | set(np_['before']) | set(np_['after']) | set(np_['surnames_too'])
lex = set()
for f in ['nouns.txt', 'modifiers.txt', 'names.txt']:
    lex |= set(lines(f'{root}/lexicon/{f}'))
roles = set(w.rstrip('*') for w in lines(f'{root}/person-roles.txt') if not w.startswith('['))
de = set(l.strip() for l in open('/tmp/wng/usr/share/dict/ngerman', encoding='utf-8', errors='replace'))
en = set(l.strip() for l in open('/tmp/wam/usr/share/dict/american-english', encoding='utf-8', errors='replace'))
en_lower = {w for w in en if w and w[0].islower()}
# Capitalised English dictionary words that are places (the list mixes names and places);
# we can't tell them apart, so names that are only in the 'en' locale and in the
# English dictionary capitalised are kept, as they are mostly names.
deny = set('''August April Mai Juni Juli Nur Per Don Virginia Carolina Florence Austin Madison
Mercedes Kim Lee Park Xi Li Jesus Franziskus Sultan Scheich Anders Allen Davor Solange Tage Tor Tore
Ton Will Marine Riad Sanaa Chelsea Georgia Israel Jordan Kenya Asia India Africa America China Paris
London Sydney Florida Dakota Savannah Brooklyn Phoenix Dallas Houston Denver Aurora Sierra Nevada
Montana Arizona Alabama Kansas Texas Dakota Cleveland Lincoln Kennedy Washington Jackson Sonne Mond
Stern Sommer Winter Herbst Frühling Welt Gott Heil Papst Kaiser König Prinz Fürst Graf Lord Sir Lady
Real Inter Ajax Celtic Rapid Austria Sturm Admira Union Hertha Fortuna Borussia Eintracht Werder
Bayern Roma Lazio Milan Napoli Juventus Benfica Porto Sporting Everton Valencia Sevilla Bilbao Mali
Chad Tschad Niger Togo Benin Peru Chile Kuba Cuba Haiti Libanon Syrien Jemen Oman Katar Iran Irak
Sudan Congo Kongo Gabun Guinea Ghana Angola Sambia Malawi Uganda Ruanda Burundi Somalia Eritrea
Lesotho Namibia Botswana Europa Amerika Afrika Asien Australien Ozeanien Wien Graz Linz Salzburg
Innsbruck Klagenfurt Bregenz Berlin Hamburg Bremen Dresden Leipzig Essen Halle Jena Kiel Ulm Bonn
Trier Mainz Worms Marburg Gera Hof Celle Passau Basel Bern Zug Chur Sitten Genf Lugano Roma Milano
Venezia Napoli Torino Siena Pisa Verona Florenz Venedig Neapel Turin Lyon Nizza Nancy Lille Metz
Brest Nantes Troyes Sedan Cannes Madrid Toledo Granada Cordoba Lima Quito Bogota Caracas Havanna
Santiago Montevideo Asuncion Rio Salvador Victoria Regina Adelaide Alexandria Antiochia Athen Sparta
Troja Kairo Tunis Algier Dakar Accra Lagos Abuja Nairobi Kampala Kigali Maputo Luanda Harare Lusaka
Moskau Kiew Minsk Riga Vilnius Tallinn Prag Brünn Pressburg Budapest Bukarest Sofia Belgrad Zagreb
Split Skopje Tirana Athen Ankara Izmir Antalya Istanbul Baku Eriwan Tiflis Teheran Kabul Delhi
Mumbai Dhaka Karachi Lahore Colombo Bangkok Hanoi Manila Jakarta Peking Shanghai Tokio Seoul
Merkel Trump Obama Putin Orban Kurz Strache Faymann Mitterlehner
Bill Mark Rich Grace Hope Joy Faith Summer Autumn Dawn Eve Major General Prince King Young Royal
Chance Case Gay Guy Bud Buck Cash Chase Clay Cliff Dale Dean Drew Gene Glen Grant Hunter Jack Jay
Lane Lyle Miles Penny Price Ray Rocky Rod Sandy Skip Stone Storm Trace Ward Wood Woody York
Santa Sankt Saint Maria Madonna Christ Christus Allah Mohammed Muhammad Buddha
Abb Bali Bentley Bristol Ceylon Chanel Cheyenne Columbus Darwin Edison Elba Hampton Hilton Indiana
Isis Lenin Lennon Lindbergh Livingstone Louisiana Lourdes Luther Maxwell Medina Memphis Michelangelo
Ming Monroe Montgomery Reagan Rembrandt Roosevelt Sadat Saddam Stanford Taft Tennessee Tito Zaire
Yang Kali Krishna Mac Fitzgerald Davis Williams Adams Daniels Roberts Morris Robinson Taylor Cruz
Alfa Aral Apollo Orion Pandora Barbie Bambi Erlen Domen Kent Knox Halley Haskell Kelvin Tilden
'''.split())
# keep specific famous names out of the deny list (politicians' surnames are
# listed above so that 'Kurz' etc. never become first names).
keep, dropped = [], []
for row in csv.reader(open('/tmp/fk/all.tsv', encoding='utf-8'), delimiter='\t'):
    n, locs = row[0], row[1]
    if n in curated: continue
    why = None
    if len(n) < 3: why = 'short'
    elif n in deny: why = 'deny'
    elif n in stop: why = 'stop'
    elif n.lower() in lex: why = 'lexicon'
    elif n.lower() in roles: why = 'role'
    elif n.lower() in de: why = 'german word'
    elif n in de and any(n + e in de for e in ('n', 'en', 'e', 'er', 'ern', 'nen', 'se')):
        # a German noun (it has plural forms); a name in the list has only its genitive
        why = 'german noun'
    elif n.lower() in en_lower: why = 'english word'
    elif n.isupper(): why = 'caps'
    elif re.search(r"[^A-Za-zÀ-ÖØ-öø-ÿĀ-žƀ-ɏḀ-ỿ'\-]", n): why = 'chars'
    if why: dropped.append((n, why))
    else: keep.append(n)
print(len(keep), len(dropped), file=sys.stderr)
import collections
print(collections.Counter(w for _, w in dropped), file=sys.stderr)
with open('/tmp/fk/dropped.tsv', 'w') as f:
    for n, w in dropped: f.write(f'{n}\t{w}\n')
with open('/tmp/fk/keep.txt', 'w') as f:
    for n in keep: f.write(n + '\n')
