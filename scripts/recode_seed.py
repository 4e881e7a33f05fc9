#!/usr/bin/env python3
"""Writes Data/{events,quotes,actors}.json: the second round of coding of the seed document (the
re-coding by an independent second reader, kept so the data can be reviewed and rebuilt).

Spans are found by exact, unique search in the seed text (code points, end-exclusive), as in
scripts/annotate_seed.py; every span also carries its text so that check.py can verify it.
Run from the repository root: python3 scripts/recode_seed.py
"""
import json, os

DOC = 'd5a7a52965b0d6aa'
DOC_PATH = 'Data/documents/000_d5a7a52965b0d6aa.txt'
OUT = 'Data'
t = open(DOC_PATH, encoding='utf-8').read()
AS_OF = '2025-01-01'


def sp(s, role=None, note=None):
    """Span of the unique occurrence of s."""
    assert t.count(s) == 1, (s, t.count(s))
    i = t.find(s)
    d = {"document": DOC, "start": i, "end": i + len(s), "text": s}
    if role:
        d["role"] = role
    if note:
        d["note"] = note
    return d


def between(a, b):
    """Span strictly between the unique marker a and the next b (used for quote texts)."""
    assert t.count(a) == 1, a
    i = t.find(a) + len(a)
    j = t.find(b, i)
    return {"document": DOC, "start": i, "end": j, "text": t[i:j]}


# ----------------------------------------------------------------------------------------------
# Sources used for facts that are not in the article (all from the stored material of the search tool)
SRC = {
    'plover_table': 'openeventdata/PLOVER CAMEO2PLOVER-2021.txt @ e834df5b3a302f99af1f23cda08fa34b383ca598',
    'plover_manual': 'openeventdata/PLOVER PLOVER_MANUAL.tex @ 0711e39cd2c69fdf636b91d1e9ecdc9bba243408 (Draft 0.7b1)',
    'cameo_countries': 'openeventdata/petrarch2 petrarch2/data/dictionaries/Phoenix.Countries.actors.txt @ 3ef2ce4e99756f4f2229ebf31c512201059677eb',
    'cameo_international': 'openeventdata/petrarch2 petrarch2/data/dictionaries/Phoenix.International.actors.txt @ 4b0354ac28fbf252dbd67bb9d3a5d7bc07a728ff',
    'iso': 'Debian package iso-codes 4.15.0, /usr/share/iso-codes/json/iso_3166-1.json',
    'geonames_nyc': 'GeoNames row 5128581 "New York City" 40.71427 -74.00597 as copied in public repositories (find_string "5128581\\tNew York City"); not checked against geonames.org',
}

# ----------------------------------------------------------------------------------------------
# ACTORS
def actor(id, kind, names, aliases, description, affiliations=(), short_forms=(), ambiguous=(),
          codes=None, roles=None, name_in_document=None, note=None):
    d = {"id": id, "kind": kind, "names": names, "aliases": list(aliases),
         "description": description, "affiliations": list(affiliations)}
    d["short_forms"] = list(short_forms)
    d["ambiguous_names"] = [dict(a) for a in ambiguous]
    d["codes"] = codes or {}
    if roles is not None:
        d["roles"] = roles
        d["roles_as_of"] = AS_OF
    if name_in_document:
        d["name_in_document"] = name_in_document
    if note:
        d["note"] = note
    return d


def cameo(code, basis, source):
    return {"code": code, "basis": basis, "source": source}


actors = [
    actor('mali', 'state',
          {"ar": "مالي", "en": "Mali", "fr": "Mali"},
          ["Republic of Mali", "République du Mali", "جمهورية مالي"],
          {"en": "West African state. The article reports that it announced its withdrawal from the Algiers accords on 25 January 2024."},
          codes={"iso3166_alpha3": {"code": "MLI", "source": SRC['iso']},
                 "cameo": cameo("MLI", "dictionary entry MALI_ [MLI]", SRC['cameo_countries']),
                 "plover": {"code": "MLI", "basis": "PLOVER actor code = ISO 3166-1 alpha-3 (PLOVER_MANUAL.tex, Actor codes)"}}),
    actor('mali-transitional-government', 'government_body',
          {"ar": "الحكومة الانتقالية في باماكو", "en": "Transitional Government of Mali", "fr": "Gouvernement de transition du Mali"},
          ["الحكومة الانتقالية", "Malian transitional government", "Gouvernement de la Transition"],
          {"en": "Mali's military-led transitional government, seated in Bamako; the article's \"الحكومة الانتقالية في باماكو\"."},
          affiliations=["mali"],
          ambiguous=[{"name": "Bamako", "also_denotes": "the city of Bamako (capital of Mali); used as a metonym for the government"},
                     {"name": "باماكو", "also_denotes": "the city of Bamako; metonym only"},
                     {"name": "Autorités de la transition", "also_denotes": "the transitional authorities of other states as well (generic French phrase)"}],
          codes={"cameo": cameo("MLIGOV", "composed: country code MLI + agent GOV, the pattern of the dictionary's Malian government entries (e.g. [MLIGOV 920608-020608])", SRC['cameo_countries']),
                 "plover": {"code": "MLI", "sector": "GOV"}}),
    actor('algeria', 'state',
          {"ar": "الجزائر", "en": "Algeria", "fr": "Algérie"},
          ["People's Democratic Republic of Algeria", "République algérienne démocratique et populaire",
           "République algérienne", "الجمهورية الجزائرية الديمقراطية الشعبية", "الجمهورية الجزائرية"],
          {"en": "North African state bordering Mali."},
          ambiguous=[{"name": "الجزائر", "also_denotes": "Algiers, the capital city (e.g. اتفاقيات الجزائر = the Algiers accords, named after the city)"},
                     {"name": "Alger", "also_denotes": "the city of Alger (Algiers, the capital) in French; used as a metonym for the state or its government, and in the name of the accords d'Alger"},
                     {"name": "Algiers", "also_denotes": "the city of Algiers (the capital); used as a metonym for the state or its government, and in the name of the Algiers accords"}],
          codes={"iso3166_alpha3": {"code": "DZA", "source": SRC['iso']},
                 "cameo": cameo("DZA", "dictionary entry ALGERIA_ [DZA]", SRC['cameo_countries']),
                 "plover": {"code": "DZA"}}),
    actor('algerian-authorities', 'government_body',
          {"ar": "المسؤولون الجزائريون", "en": "Algerian officials", "fr": "Autorités algériennes"},
          ["المسؤولين الجزائريين", "certaines Autorités algériennes", "Algerian authorities",
           "certains responsables algériens"],
          {"en": "Algerian officials and authorities as referred to, collectively and unnamed, by Mali's foreign ministry (\"بعض المسؤولين الجزائريين\"; tweet: \"certaines Autorités algériennes\")."},
          affiliations=["algeria"],
          codes={"cameo": cameo("DZAGOV", "composed: DZA + agent GOV, the pattern of the dictionary's Algerian government entries (e.g. [DZAGOV 940131-990427])", SRC['cameo_countries']),
                 "plover": {"code": "DZA", "sector": "GOV"}}),
    actor('ahmed-attaf', 'person',
          {"ar": "أحمد عطاف", "en": "Ahmed Attaf", "fr": "Ahmed Attaf"},
          ["أحمد عطّاف"],
          {"en": "Algerian diplomat; Minister of Foreign Affairs of Algeria at the article's date (in office since 16 March 2023)."},
          affiliations=["algeria"],
          short_forms=["Attaf", "عطاف"],
          codes={"cameo": cameo("DZAGOV", "composed: DZA + GOV for a serving minister (no dictionary entry for him was checked)", SRC['cameo_countries']),
                 "plover": {"code": "DZA", "sector": "GOV"}},
          roles=[
              {"title": {"en": "Minister of Foreign Affairs and the National Community Abroad", "fr": "Ministre des Affaires étrangères et de la Communauté nationale à l'étranger"},
               "of": "algeria", "start": "2023-03-16", "end": "2024-11-18", "in_office_at_document_date": False,
               "sources": ["https://www.dzairdaily.com/algerie-ahmed-attaf-nomme-ministre-affaires-etrangeres-place-ramtane-lamamra/",
                           "https://www.algerie360.com/lamamra-limoge-qui-est-ahmed-attaf-nouveau-chef-de-la-diplomatie-algerienne/"],
               "note": "Appointed 16 March 2023, replacing Ramtane Lamamra; the title widened on 18 November 2024 (next role)."},
              {"title": {"en": "Minister of State, Minister of Foreign Affairs, the National Community Abroad and African Affairs", "fr": "Ministre d'État, ministre des Affaires étrangères, de la Communauté nationale à l'étranger et des Affaires africaines"},
               "of": "algeria", "start": "2024-11-18", "end": None, "in_office_at_document_date": True,
               "sources": ["https://lechodalgerie.dz/?p=133501", "https://www.djazairess.com/fr/lexpression/387985",
                           "https://fr.allafrica.com/stories/202501220465.html"],
               "note": "Made Minister of State, with African affairs added to the portfolio, in the government of 18 November 2024 (an outside reader's correction, review of 2026-12-03); L'Écho d'Algérie reports him taking up the expanded office and installing the two new secretaries of state (African affairs; the community abroad). So the title was in force on 30 December 2024. The first role is the same office under its earlier title."},
              {"title": {"en": "Minister of Foreign Affairs", "fr": "Ministre des Affaires étrangères"},
               "of": "algeria", "start": "1996-01", "end": "1999-12", "in_office_at_document_date": False,
               "sources": ["https://www.algerie360.com/lamamra-limoge-qui-est-ahmed-attaf-nouveau-chef-de-la-diplomatie-algerienne/",
                           "https://www.jeuneafrique.com/1429726/politique/ahmed-attaf-un-diplomate-emerite-pour-succeder-a-lamamra/"],
               "note": "Earlier term (January 1996 to 24 December 1999 per Jeune Afrique)."}]),
    actor('abdoulaye-diop', 'person',
          {"ar": "عبد الله ديوب", "en": "Abdoulaye Diop", "fr": "Abdoulaye Diop"},
          ["عبدالله ديوب"],
          {"en": "Malian diplomat; Minister of Foreign Affairs and International Cooperation of Mali at the article's date (since 11 June 2021). The article renders his name عبد الله ديوب."},
          affiliations=["mali-maeci", "mali"],
          ambiguous=[{"name": "Diop", "also_denotes": "a very common West African surname (other persons)"},
                     {"name": "ديوب", "also_denotes": "any person surnamed Diop"},
                     {"name": "Abdallah", "also_denotes": "any person named Abdallah; the article writes his given name Abdoulaye as عبد الله, which is romanized Abdallah or Abdullah",
                      "source": "the seed article (000_d5a7a52965b0d6aa): عبد الله ديوب"},
                     {"name": "Abdullah", "also_denotes": "as Abdallah"}],
          codes={"cameo": cameo("MLIGOV", "composed: MLI + GOV for a serving minister", SRC['cameo_countries']),
                 "plover": {"code": "MLI", "sector": "GOV"}},
          roles=[
              {"title": {"en": "Minister of Foreign Affairs and International Cooperation", "fr": "Ministre des Affaires étrangères et de la Coopération internationale"},
               "of": "mali", "start": "2021-06-11", "end": None, "in_office_at_document_date": True,
               "sources": ["https://www.jeuneafrique.com/1377078/politique/mali-les-derniers-fideles-dabdoulaye-diop-diplomate-en-chef-dassimi-goita/",
                           "https://afrikinfos-mali.com/2021/06/16/gouvernement-choguel-k-maiga-abdoulaye-diop-retrouve-son-fauteuil/"],
               "note": "The article itself states he heads the ministry (\"الوزارة التي يتولى قيادتها ... عبد الله ديوب\"). The November 2024 government kept the foreign-affairs portfolio (gaya.one report), consistent with his being in office on 1 January 2025. Term from decree 2021-0385/PT-RM of 11 June 2021, which formed the government (an outside reader's correction, review of 2026-12-03); Jeune Afrique dates his appointment 14 June, the day it was reported."},
              {"title": {"en": "Minister of Foreign Affairs and International Cooperation", "fr": "Ministre des Affaires étrangères et de la Coopération internationale"},
               "of": "mali", "start": "2014", "end": "2017", "in_office_at_document_date": False,
               "sources": ["https://afrikinfos-mali.com/2021/06/16/gouvernement-choguel-k-maiga-abdoulaye-diop-retrouve-son-fauteuil/"],
               "note": "Earlier term under President Ibrahim Boubacar Keïta."}]),
    actor('abdoulaye-maiga', 'person',
          {"ar": "عبد الله مايغا", "en": "Abdoulaye Maïga", "fr": "Abdoulaye Maïga"},
          ["العقيد عبد الله مايغا", "عبدالله مايغا", "Colonel Abdoulaye Maïga", "Général Abdoulaye Maïga",
           "Général de division Abdoulaye Maïga"],
          {"en": "Malian officer and politician. In September 2024 (79th UN General Assembly) Colonel, Minister of State, Minister of Territorial Administration and Decentralization and government spokesman; from 21 November 2024 Prime Minister of the transition, with the rank of général de division since October 2024."},
          affiliations=["mali-transitional-government", "mali"],
          ambiguous=[{"name": "Maïga", "also_denotes": "Choguel Kokalla Maïga, Prime Minister of the transition until 20 November 2024, and other persons",
                      "source": "https://africanmanager.com/mali-le-general-abdoulaye-maiga-nouveau-premier-ministre/"},
                     {"name": "Maiga", "also_denotes": "as Maïga"},
                     {"name": "مايغا", "also_denotes": "as Maïga"},
                     {"name": "Abdallah", "also_denotes": "any person named Abdallah; the article writes his given name Abdoulaye as عبد الله, which is romanized Abdallah or Abdullah",
                      "source": "the seed article (000_d5a7a52965b0d6aa): العقيد عبد الله مايغا"},
                     {"name": "Abdullah", "also_denotes": "as Abdallah"}],
          codes={"cameo": cameo("MLIGOV", "composed: MLI + GOV for a member of government", SRC['cameo_countries']),
                 "plover": {"code": "MLI", "sector": "GOV"}},
          roles=[
              {"title": {"en": "Minister of State, Minister of Territorial Administration and Decentralization, Government Spokesperson", "fr": "Ministre d'État, ministre de l'Administration territoriale et de la Décentralisation, porte-parole du Gouvernement"},
               "of": "mali", "start": None, "end": "2024-11-20", "in_office_at_document_date": False,
               "sources": ["https://topnewsafrica.net/news/mali-le-general-de-division-abdoulaye-maiga-nomme-premier-ministre",
                           "https://liberationinfo.com/?p=25772"],
               "note": "The office he held when he spoke at the 79th UN General Assembly (the article: \"وزير الدولة المالي\"); ended with the dismissal of the government on 20 November 2024. Start date not verified."},
              {"title": {"en": "Prime Minister, Head of Government (transition)", "fr": "Premier ministre, chef du Gouvernement (transition)"},
               "of": "mali", "start": "2024-11-21", "end": None, "in_office_at_document_date": True,
               "sources": ["https://www.toutafrica.com/2024/11/21/abdoulaye-maiga-nomme-premier-ministre-du-mali/",
                           "https://www.ecofinanceguinee.com/abdoulaye-maiga-est-nomme-premier-ministre-du-mali/"],
               "note": "Succeeded Choguel Kokalla Maïga."},
              {"title": {"en": "Interim Prime Minister", "fr": "Premier ministre par intérim"},
               "of": "mali", "start": "2022-08-21", "end": None, "in_office_at_document_date": False,
               "sources": ["https://www.linfo.re/archives-linfo-re/archives-2009/novembre/archives-linfo-re/archives-linfo-re/archives-2022/aout/monde/afrique/mali-un-colonel-designe-premier-ministre-par-interim-par-la-junte"],
               "note": "End date of the 2022 interim not verified here."}],
          note="Rank: colonel when he spoke at the 79th UNGA (September 2024), général de division from October 2024 (africanmanager.com; topnewsafrica.net). The article's \"العقيد\" is right for September 2024, not for the article's date."),
    actor('mali-maeci', 'government_body',
          {"ar": "وزارة الخارجية المالية", "en": "Ministry of Foreign Affairs and International Cooperation of Mali",
           "fr": "Ministère des Affaires étrangères et de la Coopération internationale du Mali"},
          ["Ministère des Affaires étrangères et de la Coopération internationale de la République du Mali",
           "Ministère des Affaires étrangères du Mali", "@MaliMaeci", "MaliMaeci", "Malian foreign ministry",
           "Mali's foreign ministry", "وزارة الخارجية في مالي", "الخارجية المالية"],
          {"en": "Mali's foreign ministry; its X (Twitter) account is @MaliMaeci. Headed by Abdoulaye Diop at the article's date."},
          affiliations=["mali-transitional-government", "mali"],
          ambiguous=[{"name": "MAECI", "also_denotes": "Italy's Ministero degli Affari Esteri e della Cooperazione Internazionale (MAECI)",
                      "source": "https://a.osmarks.net/content/wikipedia_en_all_maxi_2020-08/A/Ministry_of_Foreign_Affairs_(Italy)"},
                     {"name": "ministère malien des Affaires étrangères", "also_denotes": "a description, not the ministry's name: reports use it for the minister or his spokesperson as well"},
                     {"name": "diplomatie malienne", "also_denotes": "a description: Mali's diplomacy as a whole (the government, the minister, its embassies), of which the ministry is one part"},
                     {"name": "الدبلوماسية المالية", "also_denotes": "as diplomatie malienne"},
                     {"name": "Ministère des Affaires étrangères et de la Coopération internationale", "also_denotes": "the same name without the country: another state's ministry may bear it (Italy's bears it in Italian; see MAECI)"},
                     {"name": "وزارة الخارجية والتعاون الدولي", "also_denotes": "as the French name without the country"}],
          codes={"cameo": cameo("MLIGOV", "composed: MLI + GOV", SRC['cameo_countries']),
                 "plover": {"code": "MLI", "sector": "GOV"}}),
    actor('mali-armed-forces', 'government_body',
          {"ar": "القوات المسلحة والأمنية في مالي", "en": "Malian Armed and Security Forces", "fr": "Forces armées et de sécurité du Mali"},
          ["Armed and security forces of Mali"],
          {"en": "Mali's state armed and security forces, as named in the ministry's communiqué (French original: \"forces armées et de sécurité du Mali\")."},
          affiliations=["mali"],
          ambiguous=[{"name": "FAMa", "also_denotes": "Forces armées maliennes, the armed forces only (narrower than armed AND security forces)"},
                     {"name": "Forces armées maliennes", "also_denotes": "the armed forces only"},
                     {"name": "الجيش المالي", "also_denotes": "the army only"}],
          codes={"cameo": cameo("MLIMIL", "composed: MLI + agent MIL, the dictionary's pattern for national armies (e.g. AFGHAN_NATIONAL_ARMY [AFGMIL])", SRC['cameo_countries']),
                 "plover": {"code": "MLI", "sector": "MIL"}}),
    actor('morocco', 'state',
          {"ar": "المغرب", "en": "Morocco", "fr": "Maroc"},
          ["Kingdom of Morocco", "Royaume du Maroc", "المملكة المغربية"],
          {"en": "North African state. The article says it backed the accusations against Algeria at the UN Security Council (the article's claim; see events)."},
          ambiguous=[{"name": "المغرب", "also_denotes": "the Maghreb region (المغرب العربي) in Arabic"},
                     {"name": "Rabat", "also_denotes": "the city of Rabat (capital of Morocco); used as a metonym for the government"},
                     {"name": "الرباط", "also_denotes": "the city of Rabat; metonym only"}],
          codes={"iso3166_alpha3": {"code": "MAR", "source": SRC['iso']},
                 "cameo": cameo("MAR", "dictionary entry MOROCCO_ [MAR]", SRC['cameo_countries']),
                 "plover": {"code": "MAR"}}),
    actor('algiers-accords-movements', 'armed_group',
          {"ar": "حركات المعارضة الموقعة على اتفاقيات الجزائر", "en": "Opposition movements that signed the 2015 Algiers accords",
           "fr": "Mouvements d'opposition signataires des accords d'Alger de 2015"},
          ["حركات المعارضة", "opposition movements", "signatory movements", "mouvements signataires"],
          {"en": "The Malian movements that, in Attaf's words as reported by the article, signed the Algiers accords in 2015; the article calls them \"حركات المعارضة\" (opposition movements) and names none. Outside reporting describes them as Tuareg-dominated independence movements of the north that resumed hostilities in 2023 (tamtaminfo.com, 2025-01)."},
          codes={"cameo": cameo("MLIREB", "composed: MLI + agent REB (rebels: armed opposition groups, PLOVER_MANUAL.tex sector table; the pattern [AFGREB ...] occurs in the dictionary). A coding decision, not a dictionary entry.", SRC['cameo_countries']),
                 "plover": {"code": "MLI", "sector": "REB"}},
          note="Kind armed_group rests on outside reporting, not on the article."),
    actor('terrorist-groups', 'designated_group',
          {"ar": "الجماعات الإرهابية", "en": "Terrorist groups (as designated by Mali)", "fr": "Groupes terroristes (selon le Mali)"},
          ["الجماعات المسلحة الإرهابية", "armed terrorist groups", "groupes armés terroristes", "الإرهابيين", "terrorists"],
          {"en": "A designation used by Mali's foreign ministry and by Abdoulaye Maïga, not an identified group: the article names no group and does not say whether the designation covers the signatory movements."},
          codes={}),
    actor('un-general-assembly', 'international_body',
          {"ar": "الجمعية العامة للأمم المتحدة", "en": "United Nations General Assembly", "fr": "Assemblée générale des Nations unies"},
          ["UN General Assembly", "General Assembly of the United Nations", "Assemblée générale de l'ONU"],
          {"en": "Plenary organ of the United Nations; its 79th session opened in September 2024."},
          short_forms=["UNGA", "AGNU"],
          ambiguous=[{"name": "الجمعية العامة", "also_denotes": "any general assembly"},
                     {"name": "General Assembly", "also_denotes": "any general assembly"}],
          codes={"cameo": cameo("IGOUNO", "dictionary entry UN_GENERAL_ASSEMBLY_ [IGOUNO]", SRC['cameo_international']),
                 "plover": {"code": "IGO", "basis": "PLOVER non-state actor code for international governmental organizations (PLOVER_MANUAL.tex, Table Non-state actor codes)"}}),
    actor('un-security-council', 'international_body',
          {"ar": "مجلس الأمن الدولي", "en": "United Nations Security Council", "fr": "Conseil de sécurité des Nations unies"},
          ["مجلس الأمن التابع للأمم المتحدة", "UN Security Council", "Conseil de sécurité de l'ONU"],
          {"en": "The UN organ charged with international peace and security."},
          short_forms=["UNSC", "CSNU"],
          ambiguous=[{"name": "مجلس الأمن", "also_denotes": "any (national) security council; the article's form"},
                     {"name": "Security Council", "also_denotes": "any security council"}],
          codes={"cameo": cameo("IGOUNO", "dictionary entries UN_SECURITY_COUNCIL_ (+SECURITY_COUNCIL, +UNSCR) and UNSC_ [IGOUNO]", SRC['cameo_international']),
                 "plover": {"code": "IGO"}},
          name_in_document={"ar": "مجلس الأمن"}),
]

# ----------------------------------------------------------------------------------------------
# PLOVER table (read back from the TSV so that the proposal cannot drift from the shipped table)
TABLE = {}
for line in open('Sources/ChronicleRecords/Resources/cameo-plover.tsv', encoding='utf-8'):
    if line.startswith('#') or line.startswith('cameo_code'):
        continue
    code, ev, mode, ctx, desc = line.rstrip('\n').split('\t')
    TABLE.setdefault(code, (ev, mode, ctx, desc))

CAMEO_LABELS = {  # CAMEO 1.1b3 labels as listed in PLOVER_MANUAL.tex (chapter CAMEO EVENT CODES) and tab:xlate
    '01': 'MAKE PUBLIC STATEMENT', '012': 'Make pessimistic comment',
    '02': 'APPEAL', '024': 'Appeal for political reform, not specified below', '0242': 'Appeal for policy change',
    '05': 'ENGAGE IN DIPLOMATIC COOPERATION', '051': 'Praise or endorse', '052': 'Defend verbally', '057': 'Sign formal agreement',
    '11': 'DISAPPROVE', '111': 'Criticize or denounce', '112': 'Accuse, not specified below',
    '12': 'REJECT', '120': 'Reject, not specified below',
    '16': 'REDUCE RELATIONS', '160': 'Reduce relations, not specified below',
}
PLOVER_LABELS = {'SUPPORT': 'Support', 'ACCUSE': 'Accuse', 'REJECT': 'Reject', 'SANCTION': 'Sanction'}


def etype(code, extra_context=()):
    root, base = code[:2], code[:3]
    c = {"code": code, "label": CAMEO_LABELS[code], "root": root, "root_label": CAMEO_LABELS[root],
         "base": base, "base_label": CAMEO_LABELS[base], "codebook": "CAMEO 1.1b3"}
    if root in ('01', '02'):
        return {"cameo": c, "plover": None,
                "plover_note": "CAMEO %s (%s) has no PLOVER event: PLOVER drops cue categories 01 and 02 (README.md; PLOVER_MANUAL.tex, tab:xlate)." % (root, CAMEO_LABELS[root])}
    ev, mode, ctx, desc = TABLE[code]
    p = {"code": ev, "label": PLOVER_LABELS[ev], "mode": mode or None,
         "context": [x.strip() for x in ctx.split(';') if x.strip()],
         "context_extra": list(extra_context),
         "table_row": code, "table": SRC['plover_table']}
    return {"cameo": c, "plover": p}


def A(actor_id, role, acting_for=None, basis=None, note=None):
    d = {"actor": actor_id, "role": role}
    if acting_for:
        d["acting_for"] = acting_for
    if basis:
        d["basis"] = basis
    if note:
        d["note"] = note
    return d


def sentence(start_marker, end_marker):
    """Sentence span from the unique start marker through the end marker (inclusive)."""
    assert t.count(start_marker) == 1, start_marker
    i = t.find(start_marker)
    j = t.find(end_marker, i) + len(end_marker)
    return {"document": DOC, "start": i, "end": j, "text": t[i:j]}


S_ATTAF_INTRO = sentence("فقد أعربت الحكومة", "منطقة الساحل.")
S_ATTAF_QUOTE = sentence('حيث قال: "', 'وفشل."')
S_ATTAF_DEF = sentence("كما دافع عن حركات المعارضة", "عام 2015.")
S_MAECI_1 = sentence("هذه التصريحات قوبلت", 'ماضٍ ولى."')
S_MAECI_2 = sentence("وورد في البيان", 'سيادة مالي."')
S_MAECI_3 = sentence("أضافت الوزارة في بيانها", 'بكل سيادة."')
S_MAECI_4 = sentence("كما دعت الجزائر", 'الدولي."')
S_TWEET = sentence("Communiqué du Ministère", "intérieures du Mali.")
S_WITHDRAW = sentence("ومنذ إعلان مالي", "شبه دائمة.")
S_MAIGA = sentence("آخرها كان في شتنبر", 'الهاربين."')
S_MOROCCO = sentence("ودعم المغرب", "ضد الجزائر.")

NYC = {"country": "USA", "place": {"en": "United Nations Headquarters, New York City", "fr": "Siège des Nations unies, New York",
                                     "ar": "مقر الأمم المتحدة، نيويورك"},
       "geonames_id": 5128581, "coordinates": {"lat": 40.71427, "lon": -74.00597},
       "precision": "city (GeoNames centroid of New York City; the UN Headquarters is in Manhattan)",
       "coordinates_source": SRC['geonames_nyc'], "country_source": SRC['iso']}

ATTAF = 'attaf-remarks-2024-12-30'
MAECI = 'maeci-communique-2025-01-01'
OUTLET = {"by": "outlet"}

events = []


def E(**kw):
    order = ['id', 'former_ids', 'date', 'certainty', 'date_note', 'type', 'actors', 'title', 'summary', 'sources',
             'justification', 'quotes', 'statement', 'in_response_to', 'assertion', 'location', 'coding_note']
    d = {k: kw[k] for k in order if k in kw}
    extra = set(kw) - set(order)
    assert not extra, extra
    events.append(d)


# --- Attaf's remarks, 30 December 2024 ------------------------------------------------------------
E(id='attaf-military-solution-comment', former_ids=['attaf-statements-on-sahel'],
  date='2024-12-30', certainty='inferred',
  date_note='The article says "يوم 30 دجنبر" (30 December) without a year; 2024 follows from its opening, "مع بداية عام 2025".',
  type=etype('012'),
  actors=[A('ahmed-attaf', 'source', acting_for='algeria'), A('algeria', 'source'),
          A('mali', 'target', basis='stated', note='"وخصوصًا في مالي" (especially in Mali)')],
  title={"en": "Attaf: a military solution in the Sahel and Sahara, especially in Mali, is impossible",
         "ar": "عطاف: الحل العسكري مستحيل في الساحل والصحراء وخصوصًا في مالي",
         "fr": "Attaf : la solution militaire est impossible au Sahel et au Sahara, en particulier au Mali"},
  summary={"en": "Algeria's foreign minister Ahmed Attaf said on 30 December that a military solution is impossible in the Sahel and the Sahara, especially in Mali, because it had been tried three times and had failed.",
           "ar": "قال وزير الخارجية الجزائري أحمد عطاف يوم 30 دجنبر إن الحل العسكري مستحيل في الساحل والصحراء وخصوصًا في مالي، لأنه جُرّب ثلاث مرات وفشل.",
           "fr": "Le ministre algérien des Affaires étrangères, Ahmed Attaf, a déclaré le 30 décembre que la solution militaire est impossible au Sahel et au Sahara, en particulier au Mali, car elle a été tentée trois fois et a échoué."},
  sources=[sp('حيث قال: "الحل العسكري مستحيل في الساحل والصحراء، وخصوصًا في مالي، لأنه جُرّب ثلاث مرات في الماضي وفشل."', 'act'),
           sp('تصريحات وزير الخارجية الجزائري، أحمد عطاف، يوم 30 دجنبر، حول الوضع في منطقة الساحل.', 'date')],
  justification=[S_ATTAF_QUOTE, S_ATTAF_INTRO], quotes=['attaf-military-solution'], statement=ATTAF,
  assertion={"by": "outlet", "note": "Direct quotation reported by the article (\"حيث قال\"); the language Attaf spoke in is not stated."},
  location=None,
  coding_note="012 (make pessimistic comment) is the most specific code the words support: an assessment that a policy option cannot work. Mali read it as criticism of its strategy (the communiqué; outside reporting: \"commentant à nouveau la stratégie malienne\"), which would be 111 -> ACCUSE, but the article does not present it as criticism. CAMEO 01 has no PLOVER event, so this act carries no PLOVER type (the old REJECT did not follow from 010).")

E(id='attaf-defends-signatory-movements', former_ids=['attaf-statements-on-sahel'],
  date='2024-12-30', certainty='inferred',
  date_note='Same statements as attaf-military-solution-comment (30 December; year inferred).',
  type=etype('052'),
  actors=[A('ahmed-attaf', 'source', acting_for='algeria'), A('algeria', 'source'),
          A('algiers-accords-movements', 'target', basis='stated'),
          A('mali', 'about', basis='implied', note='The defence answers Bamako\'s treatment of the movements; the article frames the statements as the cause of Mali\'s anger.')],
  title={"en": "Attaf defends the Malian opposition movements",
         "ar": "عطاف يدافع عن حركات المعارضة المالية",
         "fr": "Attaf défend les mouvements d'opposition maliens"},
  summary={"en": "In the same statements Attaf defended the opposition movements, pointing out that they had signed the Algiers accords in 2015.",
           "ar": "في التصريحات نفسها دافع عطاف عن حركات المعارضة، مشيرًا إلى أنها وقّعت على اتفاقيات الجزائر عام 2015.",
           "fr": "Dans les mêmes déclarations, Attaf a défendu les mouvements d'opposition, en rappelant qu'ils avaient signé les accords d'Alger en 2015."},
  sources=[sp('كما دافع عن حركات المعارضة', 'act'),
           sp('مشيرًا إلى أنها وقّعت على اتفاقيات الجزائر عام 2015', 'context', note='Attaf\'s argument for the defence.'),
           sp('تصريحات وزير الخارجية الجزائري، أحمد عطاف، يوم 30 دجنبر، حول الوضع في منطقة الساحل.', 'date')],
  justification=[S_ATTAF_DEF, S_ATTAF_INTRO], quotes=[], statement=ATTAF,
  assertion={"by": "outlet", "note": "Reported speech (\"دافع عن\"); no direct quotation of the defence."},
  location=None,
  coding_note="052 Defend verbally: the recipient is the defended party (the movements). Split out of the old attaf-statements-on-sahel.")

E(id='attaf-rejects-terrorist-label', former_ids=['attaf-statements-on-sahel'],
  date='2024-12-30', certainty='inferred',
  date_note='Same statements (30 December; year inferred).',
  type=etype('120', extra_context=['terrorism']),
  actors=[A('ahmed-attaf', 'source', acting_for='algeria'), A('algeria', 'source'),
          A('mali', 'target', basis='implied', note='The refused label is Bamako\'s: the article quotes it as someone else\'s term and presents Mali as the offended party; it does not name who applies it.'),
          A('algiers-accords-movements', 'about', basis='stated')],
  title={"en": "Attaf refuses to call the opposition movements \"terrorist gangs\"",
         "ar": "عطاف يرفض وصف حركات المعارضة بالعصابات الإرهابية",
         "fr": "Attaf refuse de qualifier les mouvements d'opposition de « bandes terroristes »"},
  summary={"en": "Attaf refused to describe the opposition movements as \"terrorist gangs\", the label he rejected; he gave their signature of the 2015 Algiers accords as the reason.",
           "ar": "رفض عطاف وصف حركات المعارضة بـ\"العصابات الإرهابية\"، مستندًا إلى توقيعها على اتفاقيات الجزائر عام 2015.",
           "fr": "Attaf a refusé de qualifier les mouvements d'opposition de « bandes terroristes », étiquette qu'il rejette, en invoquant leur signature des accords d'Alger de 2015."},
  sources=[sp('ورفض وصفها بـ"العصابات الإرهابية"', 'act'),
           sp('تصريحات وزير الخارجية الجزائري، أحمد عطاف، يوم 30 دجنبر، حول الوضع في منطقة الساحل.', 'date')],
  justification=[S_ATTAF_DEF, S_ATTAF_INTRO], quotes=['attaf-refused-term'], statement=ATTAF,
  assertion={"by": "outlet", "note": "Reported speech; the quoted words are a label Attaf refused (see quote attaf-refused-term, refused_label=true)."},
  location=None,
  coding_note="120 Reject, not specified below: no CAMEO subcategory fits refusing a label. 016 (deny responsibility) concerns the speaker's own responsibility and would have no PLOVER event anyway.")

E(id='algiers-accords-signed', date='2015', certainty='reported',
  date_note='The year is in Attaf\'s reported words ("عام 2015"); no day or month.',
  type=etype('057', extra_context=['historical']),
  actors=[A('algiers-accords-movements', 'source', basis='stated'),
          A('mali', 'target', basis='implied', note='Counter-signatory: the article later says Mali withdrew from the same accords (mali-withdraws-from-algiers-accords).')],
  title={"en": "The opposition movements signed the Algiers accords (2015), as Attaf pointed out",
         "ar": "حركات المعارضة وقّعت على اتفاقيات الجزائر عام 2015 (بحسب عطاف)",
         "fr": "Les mouvements d'opposition ont signé les accords d'Alger en 2015 (selon Attaf)"},
  summary={"en": "According to Attaf, as reported by the article, the opposition movements signed the Algiers accords in 2015.",
           "ar": "بحسب ما نقله المقال عن عطاف، وقّعت حركات المعارضة على اتفاقيات الجزائر عام 2015.",
           "fr": "Selon Attaf, cité par l'article, les mouvements d'opposition ont signé les accords d'Alger en 2015."},
  sources=[sp('مشيرًا إلى أنها وقّعت على اتفاقيات الجزائر عام 2015', 'act')],
  justification=[S_ATTAF_DEF], quotes=[], statement=None,
  assertion={"by": "participant", "actor": "ahmed-attaf", "cue": sp('مشيرًا إلى'),
             "note": "The article relays Attaf's claim (\"مشيرًا إلى أنها وقّعت\"); it does not state the signing in its own voice."},
  location=None,
  coding_note="057 Sign formal agreement -> SUPPORT (diplomatic) by the table; not AGREE (PLOVER_MANUAL.tex: SUPPORT covers 'ratify, sign, or finalize an agreement'; AGREE covers promises to sign). Algeria is not a participant: \"اتفاقيات الجزائر\" names the accords after the city of Algiers. No location: the article does not say where they were signed (outside reporting says the agreement was signed in Bamako, dw.com 2025-01), so Algiers must not be inferred from the name.")

E(id='mali-withdraws-from-algiers-accords', date='2024-01-25', certainty='stated',
  type=etype('160'),
  actors=[A('mali', 'source', basis='stated'),
          A('algiers-accords-movements', 'target', basis='implied', note='The accords\' other signatories, per the article\'s first paragraph.'),
          A('algeria', 'about', basis='implied', note='The article dates the near-permanent Mali-Algeria tension from this withdrawal ("أصبحت التوترات بين الجارتين شبه دائمة").')],
  title={"en": "Mali announces its withdrawal from the Algiers accords",
         "ar": "مالي تعلن انسحابها من اتفاقيات الجزائر",
         "fr": "Le Mali annonce son retrait des accords d'Alger"},
  summary={"en": "On 25 January 2024 Mali, a party to the Algiers accords until then, announced its withdrawal from them; since then tension between the two neighbours has been almost constant.",
           "ar": "أعلنت مالي في 25 يناير 2024 انسحابها من اتفاقيات الجزائر، ومنذ ذلك الحين أصبحت التوترات بين الجارتين شبه دائمة.",
           "fr": "Le 25 janvier 2024, le Mali a annoncé son retrait des accords d'Alger ; depuis, les tensions entre les deux voisins sont quasi permanentes."},
  sources=[sp('إعلان مالي انسحابها من اتفاقيات الجزائر في 25 يناير 2024', 'act')],
  justification=[S_WITHDRAW], quotes=[], statement=None,
  assertion=OUTLET, location=None,
  coding_note="CAMEO 16 is REDUCE RELATIONS; its PLOVER type is SANCTION (REDUCE_RELATIONS is not a PLOVER type). 160 (not specified below): none of 161-166 fits leaving a peace agreement. The table gives no mode for 160, so none is set although the manual's SANCTION mode 'withdraw' would describe it. Algeria is coded as about, not as a target: the act ends an agreement with the armed movements, its signatories. An alternative coding, raised by an outside reader (review of 2026-12-03), makes Algeria a second target: it was the accords' mediator, and the article ties the withdrawal to the crisis between the two neighbours. It is kept as about because the document states no act aimed at Algeria here.")

E(id='maiga-accuses-algeria-at-unga79', date='2024-09', certainty='inferred',
  date_note='The month is stated ("في شتنبر"); the year follows from the 79th session of the General Assembly (opened September 2024).',
  type=etype('112', extra_context=['terrorism']),
  actors=[A('abdoulaye-maiga', 'source', acting_for='mali', basis='stated'), A('mali', 'source'),
          A('algeria', 'target', basis='stated'),
          A('un-general-assembly', 'venue', basis='stated'),
          A('terrorist-groups', 'about', basis='stated', note='"للإرهابيين"')],
  title={"en": "Maïga accuses Algeria at the 79th UN General Assembly of giving haven and aid to terrorists",
         "ar": "مايغا يتهم الجزائر في الدورة الـ79 للجمعية العامة للأمم المتحدة بتوفير ملاذ ومساعدات للإرهابيين",
         "fr": "Maïga accuse l'Algérie, à la 79e Assemblée générale de l'ONU, d'offrir refuge et aide aux terroristes"},
  summary={"en": "In September, at the 79th session of the UN General Assembly, Mali's minister of state, Colonel Abdoulaye Maïga, accused Algeria of providing \"a haven and aid to terrorists and fleeing dissidents\".",
           "ar": "في شتنبر، خلال الدورة الـ79 للجمعية العامة للأمم المتحدة، اتهم وزير الدولة المالي العقيد عبد الله مايغا الجزائر بتوفير ملاذ ومساعدات للإرهابيين والمنشقين الهاربين.",
           "fr": "En septembre, lors de la 79e session de l'Assemblée générale de l'ONU, le ministre d'État malien, le colonel Abdoulaye Maïga, a accusé l'Algérie d'offrir « refuge et aide aux terroristes et aux dissidents en fuite »."},
  sources=[sp('آخرها كان في شتنبر خلال الدورة الـ79 للجمعية العامة للأمم المتحدة، عندما اتهم وزير الدولة المالي، العقيد عبد الله مايغا، الجزائر بتوفير "ملاذ ومساعدات للإرهابيين والمنشقين الهاربين."', 'act')],
  justification=[S_MAIGA], quotes=['maiga-haven-for-terrorists'], statement=None,
  assertion={"by": "outlet", "note": "Stated by the article. Outside reporting of the speech (liberationinfo.com) attributes the haven charge to Algeria's permanent representatives at the UN rather than to 'Algeria'."},
  location=dict(NYC, basis="implied by the venue", span=sp('خلال الدورة الـ79 للجمعية العامة للأمم المتحدة')),
  coding_note="112 Accuse, not specified below: harbouring terrorists fits none of 1121-1125. Maïga speaks for Mali, so Mali is a source too.")

E(id='morocco-backs-accusations-at-unsc', date='2024-09/2025-01', certainty='inferred',
  date_note='The article gives no date: after the accusations it backed (September 2024) and before the article (January 2025).',
  type=etype('051'),
  actors=[A('morocco', 'source', basis='stated'),
          A('mali', 'target', basis='implied', note='Whose accusations ("هذه الاتهامات", Maïga\'s) Morocco endorsed.'),
          A('algeria', 'about', basis='stated', note='"ضد الجزائر" (against Algeria)'),
          A('un-security-council', 'venue', basis='stated', note="The article's claim; see assertion.")],
  title={"en": "Morocco backs Mali's accusations against Algeria (at the Security Council, according to the article)",
         "ar": "المغرب يدعم اتهامات مالي ضد الجزائر (في مجلس الأمن بحسب المقال)",
         "fr": "Le Maroc appuie les accusations du Mali contre l'Algérie (au Conseil de sécurité, selon l'article)"},
  summary={"en": "According to the article, Morocco backed these accusations (Maïga's, against Algeria) at the UN Security Council.",
           "ar": "بحسب المقال، دعم المغرب في مجلس الأمن هذه الاتهامات ضد الجزائر.",
           "fr": "Selon l'article, le Maroc a appuyé ces accusations contre l'Algérie au Conseil de sécurité de l'ONU."},
  sources=[sp('ودعم المغرب في مجلس الأمن هذه الاتهامات ضد الجزائر.', 'act')],
  justification=[S_MOROCCO], quotes=[], statement=None,
  assertion={"by": "outlet", "flags": ["venue_disputed"],
             "note": "The venue is the article's own claim (\"في مجلس الأمن\"). Outside reporting places Morocco's backing, by its Permanent Representative Omar Hilale, at the 79th session of the General Assembly (lepetitjournalmarocain.com, 'ONU: le Maroc appuie les accusations du Mali contre l'Algérie'). Kept as the article's claim and flagged."},
  location=dict(NYC, basis="implied by the venue; either UN organ sits at UN Headquarters, so the place does not depend on the disputed venue",
                span=sp('في مجلس الأمن')),
  coding_note="051 Praise or endorse: Morocco endorses an action (Mali's accusations), so Mali is the recipient and Algeria the subject. The old coding (target=Algeria with SUPPORT) read as 'Morocco supports Algeria', the opposite of the article. A defensible alternative is 112 with target Algeria (joining the accusation); the verb دعم (backed) favours 051.")

# --- Mali's foreign ministry communiqué, 1 January 2025 -----------------------------------------------
TWEET_DATE = sp('— Ministère des Affaires étrangères du Mali (@MaliMaeci) January 1, 2025', 'date')
E(id='mali-condemns-algerian-interference', date='2025-01-01', certainty='stated',
  date_note='Date of the embedded tweet ("January 1, 2025").',
  type=etype('111'),
  actors=[A('mali-maeci', 'source', acting_for='mali', basis='stated'), A('mali', 'source'),
          A('mali-transitional-government', 'source', acting_for='mali', basis='stated', note='"أعربت الحكومة الانتقالية في باماكو عن غضبها الشديد" (the article\'s summary of the same reaction)'),
          A('abdoulaye-diop', 'other', basis='stated', note='Heads the issuing ministry ("الوزارة التي يتولى قيادتها ... عبد الله ديوب"); the article does not say he issued or signed the communiqué, so he is not coded as a source.'),
          A('algeria', 'target', basis='stated', note='Arabic: "هذا التدخل الجديد من الجزائر"'),
          A('algerian-authorities', 'target', basis='stated', note='French tweet: "certaines Autorités algériennes"')],
  title={"en": "Mali's foreign ministry condemns a new Algerian interference in Mali's internal affairs",
         "ar": "الخارجية المالية تدين التدخل الجزائري الجديد في الشؤون الداخلية المالية",
         "fr": "La diplomatie malienne condamne une nouvelle ingérence algérienne dans les affaires intérieures du Mali"},
  summary={"en": "In a communiqué posted on 1 January 2025, Mali's foreign ministry, headed by Abdoulaye Diop, condemned \"in the strongest terms\" a new interference by Algeria in Mali's internal affairs; the tweet denounces the persistence of certain Algerian authorities in acts of interference. It answers Attaf's statements of 30 December.",
           "ar": "في بيان نُشر في 1 يناير 2025، أدانت وزارة الخارجية المالية التي يقودها عبد الله ديوب بأشد العبارات التدخل الجديد من الجزائر في الشؤون الداخلية المالية، ردًا على تصريحات عطاف.",
           "fr": "Dans un communiqué publié le 1er janvier 2025, le ministère malien des Affaires étrangères, dirigé par Abdoulaye Diop, a condamné « dans les termes les plus forts » une nouvelle ingérence de l'Algérie dans les affaires intérieures du Mali, en réponse aux déclarations d'Attaf."},
  sources=[sp('dénonçant la persistance de certaines Autorités algériennes à poursuivre des actes d’ingérence dans les affaires intérieures du Mali', 'act', note='Original French (tweet).'),
           sp('تدين بأشد العبارات هذا التدخل الجديد من الجزائر في الشؤون الداخلية المالية', 'act', note="The article's Arabic rendering."),
           sp('هذه التصريحات قوبلت بإدانة شديدة من وزارة الخارجية المالية، حيث جاء في بيان أصدرته الوزارة التي يتولى قيادتها قيادة عبد الله ديوب', 'outlet_summary'),
           sp('فقد أعربت الحكومة الانتقالية في باماكو عن غضبها الشديد', 'outlet_summary'),
           sp('وورد في البيان، الذي نُشر على حساب وزارة الخارجية المالية على تويتر، أن مالي', 'provenance'),
           TWEET_DATE],
  justification=[S_MAECI_2, S_TWEET, S_MAECI_1, S_ATTAF_INTRO], quotes=['maeci-communique-fr', 'maeci-condemns-interference'], statement=MAECI,
  in_response_to=[ATTAF],
  assertion={"by": "outlet", "evidence": "primary text embedded (tweet)", "note": "The act is documented by the embedded French tweet and by the article's Arabic rendering of the communiqué."},
  location=None,
  coding_note="Narrowed to the condemnation; the communiqué's other acts are separate events with statement=%s. The outlet's two summary sentences (anger of the transitional government; 'met with strong condemnation') describe this same reaction and are not counted as further events." % MAECI)

E(id='maeci-accuses-algeria-of-backing-terrorists', date='2025-01-01', certainty='stated',
  type=etype('112', extra_context=['terrorism']),
  actors=[A('mali-maeci', 'source', acting_for='mali', basis='stated'), A('mali', 'source'),
          A('algeria', 'target', basis='stated', note='"المدعومة من الجزائر"'),
          A('terrorist-groups', 'about', basis='stated')],
  title={"en": "Mali's foreign ministry accuses Algeria of backing terrorist groups",
         "ar": "الخارجية المالية تتهم الجزائر بدعم الجماعات الإرهابية",
         "fr": "La diplomatie malienne accuse l'Algérie de soutenir des groupes terroristes"},
  summary={"en": "The communiqué speaks of \"the terrorist groups backed by Algeria\" and of armed terrorist groups \"backed by foreign parties\": an accusation that Algeria supports the groups Mali is fighting.",
           "ar": "يتحدث البيان عن \"الجماعات الإرهابية المدعومة من الجزائر\" وعن جماعات مسلحة إرهابية \"مدعومة من أطراف أجنبية\".",
           "fr": "Le communiqué évoque « les groupes terroristes soutenus par l'Algérie » et des groupes armés terroristes « soutenus par des parties étrangères » : une accusation de soutien au terrorisme."},
  sources=[sp('الضغط على الجماعات الإرهابية المدعومة من الجزائر', 'act'),
           sp('الجماعات المسلحة الإرهابية، المدعومة من أطراف أجنبية', 'act', note='Here the backers are unnamed "foreign parties" (French original: "sponsors étatiques étrangers").'),
           TWEET_DATE],
  justification=[S_MAECI_1, S_MAECI_2], quotes=['maeci-successes-irk-algerian-officials', 'maeci-condemns-interference'], statement=MAECI,
  in_response_to=[ATTAF],
  assertion={"by": "outlet", "note": "Mali's accusation, quoted; the event is the accusing, not the backing."},
  location=None,
  coding_note="112: the accusation is made in passing (a participial clause), but it is an accusation of its own, not part of the condemnation of interference.")

E(id='maeci-disparages-algerian-officials', date='2025-01-01', certainty='stated',
  type=etype('111'),
  actors=[A('mali-maeci', 'source', acting_for='mali', basis='stated'), A('mali', 'source'),
          A('algerian-authorities', 'target', basis='stated', note='"بعض المسؤولين الجزائريين"'),
          A('algeria', 'target', basis='stated', note='State of the officials targeted.'),
          A('mali-armed-forces', 'about', basis='stated')],
  title={"en": "Mali's foreign ministry says some Algerian officials, nostalgic for a bygone past, resent Mali's military successes",
         "ar": "الخارجية المالية: نجاحات القوات المالية لا تُعجب بعض المسؤولين الجزائريين الذين يحنّون إلى ماضٍ ولى",
         "fr": "La diplomatie malienne : les succès des forces maliennes déplaisent à certains responsables algériens nostalgiques d'un passé révolu"},
  summary={"en": "The communiqué says the successes of Mali's armed and security forces do not please some Algerian officials who are nostalgic for a bygone past: a disparagement of those officials' motives.",
           "ar": "يقول البيان إن نجاحات القوات المسلحة والأمنية في مالي لا تُعجب بعض المسؤولين الجزائريين الذين يحنّون إلى ماضٍ ولى.",
           "fr": "Le communiqué affirme que les succès des forces armées et de sécurité du Mali déplaisent à certains responsables algériens nostalgiques d'un passé révolu."},
  sources=[sp('لا تُعجب بعض المسؤولين الجزائريين الذين يحنّون إلى ماضٍ ولى', 'act'), TWEET_DATE],
  justification=[S_MAECI_1], quotes=['maeci-successes-irk-algerian-officials'], statement=MAECI,
  in_response_to=[ATTAF],
  assertion=OUTLET, location=None,
  coding_note="111 Criticize or denounce covers 'criticize, defame, denigrate responsible parties' (PLOVER_MANUAL.tex, ACCUSE).")

E(id='maeci-rejects-algerian-lessons', date='2025-01-01', certainty='stated',
  type=etype('120', extra_context=['terrorism']),
  actors=[A('mali-maeci', 'source', acting_for='mali', basis='stated'), A('mali', 'source'),
          A('algeria', 'target', basis='stated', note='"دروسًا من الجزائر"')],
  title={"en": "Mali rejects Algerian \"lessons\" and says its counter-terrorism choices are a matter of its sovereignty",
         "ar": "مالي ترفض \"دروس\" الجزائر وتؤكد أن خياراتها في مكافحة الإرهاب من صميم سيادتها",
         "fr": "Le Mali refuse les « leçons » de l'Algérie et affirme que ses choix antiterroristes relèvent de sa souveraineté"},
  summary={"en": "The communiqué says Mali neither needs nor accepts lessons from Algeria, which in the recent past led its own fight against terrorism in full sovereignty, and that the strategic choices for fighting terrorist groups remain at the heart of Mali's sovereignty.",
           "ar": "يقول البيان إن مالي لا تحتاج ولا تقبل دروسًا من الجزائر، وإن الخيارات الاستراتيجية لمكافحة الجماعات الإرهابية تظل من صميم سيادة مالي.",
           "fr": "Le communiqué affirme que le Mali n'a ni besoin ni n'accepte de leçons de l'Algérie et que les choix stratégiques de lutte contre les groupes terroristes relèvent de la souveraineté du Mali."},
  sources=[sp('مالي لا تحتاج ولا تقبل دروسًا من الجزائر', 'act'),
           sp('وتؤكد أن الخيارات الاستراتيجية لمكافحة الجماعات المسلحة الإرهابية، المدعومة من أطراف أجنبية، تظل من صميم سيادة مالي', 'act',
              note='The same refusal of outside say, stated as an affirmation of sovereignty.'),
           TWEET_DATE],
  justification=[S_MAECI_3, S_MAECI_2], quotes=['maeci-no-lessons', 'maeci-condemns-interference'], statement=MAECI,
  in_response_to=[ATTAF],
  assertion=OUTLET, location=None,
  coding_note="120 Reject, not specified below. 1232 (reject demand for policy change) would need Algeria to have demanded a change, which the article does not say. The sovereignty affirmation is not coded as a separate act: it refuses the same thing.")

E(id='maeci-calls-on-algeria-to-mind-internal-crises', date='2025-01-01', certainty='stated',
  type=etype('0242'),
  actors=[A('mali-maeci', 'source', acting_for='mali', basis='stated'), A('mali', 'source'),
          A('algeria', 'target', basis='stated')],
  title={"en": "Mali calls on Algeria to deal with its own crises, including the Kabyle question, and to stop using Mali as a card",
         "ar": "مالي تدعو الجزائر إلى حل أزماتها الداخلية بما فيها القضية القبائلية والتوقف عن استخدام مالي كورقة",
         "fr": "Le Mali invite l'Algérie à régler ses crises internes, dont la question kabyle, et à cesser d'utiliser le Mali comme une carte"},
  summary={"en": "The ministry called on Algeria to focus its energy on resolving its own internal crises and contradictions, including the Kabyle question, and to stop using Mali as a card to strengthen its international position.",
           "ar": "دعت الوزارة الجزائر إلى تركيز طاقتها على حل أزماتها وتناقضاتها الداخلية، بما في ذلك القضية القبائلية، والتوقف عن استخدام مالي كورقة لتعزيز موقعها الدولي.",
           "fr": "Le ministère a invité l'Algérie à concentrer son énergie sur ses crises et contradictions internes, y compris la question kabyle, et à cesser d'utiliser le Mali comme une carte pour renforcer sa position internationale."},
  sources=[sp('كما دعت الجزائر إلى "تركيز طاقتها على حل أزماتها وتناقضاتها الداخلية، بما في ذلك القضية القبائلية، والتوقف عن استخدام مالي كورقة لتعزيز موقعها الدولي."', 'act'),
           TWEET_DATE],
  justification=[S_MAECI_4], quotes=['maeci-focus-on-internal-crises'], statement=MAECI,
  in_response_to=[ATTAF],
  assertion=OUTLET, location=None,
  coding_note="An appeal, not a demand: the article's verb is دعت (called on) and the French original quoted elsewhere has \"invite Alger à cesser de faire du Mali un levier...\" (tamtaminfo.com, 2025-01). PLOVER_MANUAL.tex: demands are 'stronger or more forceful than a request or appeal -- which is not coded in PLOVER' and coding relies on the reporter's language. Hence 0242 (appeal for policy change) with no PLOVER event. If the full French text turns out to say 'exige', recode as 1042 -> REQUEST (change, executive). The call presupposes an accusation (that Algeria uses Mali as a card); not coded separately.")

# ----------------------------------------------------------------------------------------------
# QUOTES
FR_NOTE = 'French translation of the article\'s Arabic, not the original French.'
COMMUNIQUE_FR_SOURCES = {
    'lecollimateur': 'https://lecollimateur.ma/172830',
    'maghress': 'https://maghress.com/fr/barlamanefr/434785',
    'tamtaminfo': 'https://tamtaminfo.com/le-mali-denonce-la-persistance-des-actes-dingerence-de-lalgerie/',
    'allafrica': 'https://fr.allafrica.com/stories/202501020225.html',
    'dw': 'https://www.dw.com/fr/situation-tendue-mali-alg%C3%A9rie/a-71205126',
}

quotes = []


def Q(id, span, lang, speaker, events_, date, kind, en, fr=None, **extra):
    d = {"id": id, "text": span["text"], "language": lang, "speaker": speaker, "event": events_[0],
         "events": list(events_), "date": date, "kind": kind, "translation": {"en": en}}
    if fr:
        d["translation"]["fr"] = fr
        d["translation_notes"] = {"fr": FR_NOTE}
    src = {k: span[k] for k in ("document", "start", "end")}
    d["source"] = src
    d.update(extra)
    quotes.append(d)


Q('attaf-military-solution', between('حيث قال: "', '"'), 'ar', 'ahmed-attaf', ['attaf-military-solution-comment'], '2024-12-30', 'statement',
  "The military solution is impossible in the Sahel and the Sahara, and especially in Mali, because it has been tried three times in the past and failed.",
  "La solution militaire est impossible au Sahel et au Sahara, et en particulier au Mali, car elle a été tentée trois fois par le passé et a échoué.",
  stance='asserted', refused_label=False,
  note="Reported in Arabic by the article; the language Attaf spoke in is not stated. A French rendering published elsewhere: « la solution militaire est impossible au Sahel et au Sahara, en particulier au Mali, car elle a échoué trois fois dans le passé » (fr.allafrica.com/stories/202501020225.html).")

Q('attaf-refused-term', sp('العصابات الإرهابية'), 'ar', 'ahmed-attaf', ['attaf-rejects-terrorist-label'], '2024-12-30', 'term',
  "terrorist gangs", "bandes terroristes",
  stance='refused', refused_label=True,
  label_attributed_to={"actor": "mali", "basis": "implied",
                       "note": "The article does not say who applies the label; Bamako is implied (Attaf answers Mali's treatment of the movements)."},
  note="A label Attaf refused (\"ورفض وصفها بـ...\"): the words are quoted by the article as the term he rejected, not as his own characterization. Outside reporting renders it « bandes terroristes » (fr.allafrica.com).")

Q('maeci-successes-irk-algerian-officials', between('قيادة عبد الله ديوب: "', '"'), 'ar', 'mali-maeci',
  ['maeci-disparages-algerian-officials', 'maeci-accuses-algeria-of-backing-terrorists'], '2025-01-01', 'statement',
  "It is clear that the notable successes of the armed and security forces in Mali, as well as the pressure on the terrorist groups backed by Algeria, do not please some Algerian officials who are nostalgic for a bygone past.",
  "Il est clair que les succès notables des forces armées et de sécurité du Mali, ainsi que la pression exercée sur les groupes terroristes soutenus par l'Algérie, ne plaisent pas à certains responsables algériens nostalgiques d'un passé révolu.",
  stance='asserted', refused_label=False,
  original_fr={"text": "Visiblement les succès indéniables des forces armées et de sécurité du Mali ainsi que la pression exercée sur des groupes terroristes soutenus par l'Algérie ont du mal à passer chez certains responsables algériens nostalgiques d'un passé révolu",
               "verbatim": True, "source": COMMUNIQUE_FR_SOURCES['lecollimateur'],
               "note": "Quoted from the communiqué by a third party; the communiqué's body is an image in the tweet and is not in the document."},
  departures=["النجاحات البارزة (notable successes) for « succès indéniables » (undeniable successes).",
              "الجماعات الإرهابية (the terrorist groups, definite) for « des groupes terroristes » (indefinite).",
              "لا تُعجب (do not please) for « ont du mal à passer » (are hard to swallow)."],
  note="« Visiblement » ≈ من الواضح (it is clear) is a close rendering, not a departure (an outside reader's correction, review of 2026-12-03).")

Q('maeci-communique-fr', sp('Communiqué du Ministère des Affaires étrangères et de la Coopération internationale de la République du Mali dénonçant la persistance de certaines Autorités algériennes à poursuivre des actes d’ingérence dans les affaires intérieures du Mali.'),
  'fr', 'mali-maeci', ['mali-condemns-algerian-interference'], '2025-01-01', 'statement',
  "Communiqué of the Ministry of Foreign Affairs and International Cooperation of the Republic of Mali denouncing the persistence of certain Algerian authorities in pursuing acts of interference in Mali's internal affairs.",
  stance='asserted', refused_label=False,
  note="Text of the ministry's tweet (@MaliMaeci, 1 January 2025), embedded in the article: the title of the communiqué. Its body (\"Bureau de l’Information et de la…\", pic.twitter.com/J7jkJ4xrmb) is not in the document; the four Arabic passages are the article's translation of that body, and so are linked to the statement (maeci-communique-2025-01-01, through their events), not to this title, which they do not translate.")

Q('maeci-condemns-interference', between('أن مالي "', '"'), 'ar', 'mali-maeci',
  ['mali-condemns-algerian-interference', 'maeci-rejects-algerian-lessons', 'maeci-accuses-algeria-of-backing-terrorists'], '2025-01-01', 'statement',
  "[Mali] condemns in the strongest terms this new interference by Algeria in Mali's internal affairs... and affirms that the strategic choices for fighting armed terrorist groups, backed by foreign parties, remain at the heart of Mali's sovereignty.",
  "[Le Mali] condamne dans les termes les plus forts cette nouvelle ingérence de l'Algérie dans les affaires intérieures maliennes... et affirme que les choix stratégiques de lutte contre les groupes armés terroristes, soutenus par des parties étrangères, demeurent au cœur de la souveraineté du Mali.",
  stance='asserted', refused_label=False,
  original_fr={"text": "Le Mali condamne avec la dernière vigueur cette nouvelle ingérence de l'Algérie dans les affaires intérieures du Mali [...] rappelle que les options stratégiques pour la lutte contre les groupes armés terroristes, soutenus du reste par des sponsors étatiques étrangers, relèvent exclusivement de la souveraineté du Mali et des choix de la Confédération des Etats du Sah[el]",
               "verbatim": False, "source": COMMUNIQUE_FR_SOURCES['tamtaminfo'] + " ; " + COMMUNIQUE_FR_SOURCES['maghress'] + " ; " + COMMUNIQUE_FR_SOURCES['lecollimateur'],
               "note": "Not one verbatim source: assembled from fragments that three sources quote verbatim. Assembled from fragments quoted by third parties: the condemnation as in tamtaminfo.com (lecollimateur.ma has the opening « Le Mali condamne avec la dernière vigueur »); the second clause as in maghress.com, whose stored copy breaks off at « Sah » (completed in brackets); tamtaminfo.com quotes the same clause without « du reste ». [...] marks text between the fragments that is not available."},
  departures=["تؤكد (affirms) for « rappelle » (recalls).",
              "أطراف أجنبية (foreign parties) for « sponsors étatiques étrangers » (foreign state sponsors): the Arabic drops 'state'.",
              "تظل من صميم سيادة مالي (remain at the heart of Mali's sovereignty) for « relèvent exclusivement de la souveraineté du Mali » (are exclusively a matter of): the Arabic drops 'exclusively'.",
              "The Arabic omits « et des choix de la Confédération des Etats du Sahel ».",
              "The article's '...' joins two parts of the communiqué."])

Q('maeci-no-lessons', between('في بيانها: "', '"'), 'ar', 'mali-maeci', ['maeci-rejects-algerian-lessons'], '2025-01-01', 'statement',
  "Mali neither needs nor accepts lessons from Algeria, which in the recent past led its fight against terrorism in full sovereignty.",
  "Le Mali n'a ni besoin de leçons de l'Algérie ni ne les accepte, elle qui a mené, dans un passé récent, sa lutte contre le terrorisme en toute souveraineté.",
  stance='asserted', refused_label=False,
  original_fr=None,
  departures=[],
  note="The French original of this passage was not found verbatim in the sources at hand (dw.com reports the Malian position as « aucune leçon à recevoir en matière de lutte contre le terrorisme », which may be a paraphrase), so no departures can be stated.")

Q('maeci-focus-on-internal-crises', between('الجزائر إلى "', '"'), 'ar', 'mali-maeci', ['maeci-calls-on-algeria-to-mind-internal-crises'], '2025-01-01', 'statement',
  "[Algeria should] focus its energy on resolving its own internal crises and contradictions, including the Kabyle question, and stop using Mali as a card to strengthen its international position.",
  "[L'Algérie devrait] concentrer son énergie sur la résolution de ses crises et contradictions internes, y compris la question kabyle, et cesser d'utiliser le Mali comme une carte pour renforcer sa position internationale.",
  stance='asserted', refused_label=False,
  original_fr={"text": "à cesser de faire du Mali un levier de son positionnement international",
               "verbatim": True, "source": COMMUNIQUE_FR_SOURCES['tamtaminfo'],
               "note": "Only the last clause is available verbatim (AFP-style report: « Il invite Alger à cesser de faire du Mali un levier de son positionnement international »)."},
  departures=["كورقة (as a card) for « un levier » (a lever).",
              "لتعزيز موقعها الدولي (to strengthen its international position) for « de son positionnement international »: 'strengthen' is added.",
              "The verb outside the quotation, دعت (called on), matches « invite »: an appeal, not a demand."])

Q('maiga-haven-for-terrorists', between('الجزائر بتوفير "', '"'), 'ar', 'abdoulaye-maiga', ['maiga-accuses-algeria-at-unga79'], '2024-09', 'statement',
  "a haven and aid for terrorists and fleeing dissidents.",
  "un refuge et des aides aux terroristes et aux dissidents en fuite.",
  stance='asserted', refused_label=False,
  original_fr={"text": "en plus d'offrir le gîte et le couvert, certainement avec des succulents plats de tchaktchouka et de chorba à des terroristes et des renégats en débandades",
               "verbatim": False, "source": "https://liberationinfo.com/?p=25772",
               "note": "Maïga spoke in French; published transcriptions differ (another has « fournir abri et nourriture ... aux terroristes et aux renégats en fuite », afriquepremiere). In the reported original the subject is « les représentants permanents algériens », not Algeria."},
  departures=["ملاذ ومساعدات (haven and aid) for « le gîte et le couvert » (board and lodging).",
              "المنشقين الهاربين (fleeing dissidents) for « renégats en débandade » (renegades in disarray)."],
  note="Reported in Arabic by the article; not a translation of a text in the document.")

# The four Arabic passages of the communiqué translate its body, which the document does not have
# (the tweet's text is the communiqué's title): they are tied to the statement through their events,
# and each says so (an outside reader's correction, review of 2026-12-03).
BODY_NOTE = ("The article's Arabic rendering of the communiqué's body (statement maeci-communique-2025-01-01), "
             "which is not in the document: the tweet in the document (maeci-communique-fr) gives only the title.")
for q in quotes:
    if q['id'] in ('maeci-successes-irk-algerian-officials', 'maeci-condemns-interference', 'maeci-no-lessons',
                   'maeci-focus-on-internal-crises'):
        q['note'] = (q['note'] + ' ' + BODY_NOTE) if q.get('note') else BODY_NOTE

# ----------------------------------------------------------------------------------------------
os.makedirs(OUT, exist_ok=True)
for name, obj in (('events', events), ('quotes', quotes), ('actors', actors)):
    with open(os.path.join(OUT, name + '.json'), 'w', encoding='utf-8') as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write('\n')
print(len(events), 'events;', len(quotes), 'quotes;', len(actors), 'actors')
