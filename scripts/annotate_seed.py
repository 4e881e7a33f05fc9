#!/usr/bin/env python3
# Regenerates Data/{documents,actors,events,quotes}.json for the seed document: run from Data/.
# Spans are found by exact search in the text (each anchor must occur once), so offsets are
# Unicode code points, end-exclusive, and every quote is its span verbatim. The Swift loader
# re-checks all of it at start-up; this script is how the annotations were written, kept for review.
import json, hashlib
DOC_FILE='documents/000_d5a7a52965b0d6aa.txt'
raw=open(DOC_FILE,'rb').read(); t=raw.decode('utf-8')
DOC='d5a7a52965b0d6aa'
def sp(s):
    assert t.count(s)==1, (s, t.count(s))
    i=t.find(s); return {"document":DOC,"start":i,"end":i+len(s)}
def between(a, b):
    """span of the text strictly between the first occurrence of marker a and the next b"""
    i=t.find(a); assert i>=0, a; i+=len(a); j=t.find(b,i); return {"document":DOC,"start":i,"end":j}
documents=[{
 "id":DOC, "file":DOC_FILE,
 "title":{"en":"Mali and Algeria: a new escalation at the start of 2025","ar":"مالي والجزائر: تصعيد جديد مع بداية عام 2025"},
 "languages":["ar","fr"], "length":len(t), "sha256":hashlib.sha256(raw).hexdigest(),
 "kind":"news article", "published":"2025-01",
 "note":{"en":"Arabic news article with an embedded French tweet by Mali's foreign ministry (@MaliMaeci). Title supplied by the annotators; publication month inferred from the text (\"early 2025\", tweet of 1 January 2025)."}
}]
A=lambda id,kind,ar,en,fr,aliases,desc,aff=[]: {"id":id,"kind":kind,"names":{"ar":ar,"en":en,"fr":fr},"aliases":aliases,"description":{"en":desc},"affiliations":aff}
actors=[
 A("mali","state","مالي","Mali","Mali",["Republic of Mali","République du Mali","جمهورية مالي"],"West African state; party to the 2015 Algiers accords until its withdrawal in January 2024."),
 A("mali-transitional-government","government_body","الحكومة الانتقالية في باماكو","Transitional Government of Mali","Gouvernement de transition du Mali",["Bamako","باماكو","Malian transitional authorities","Autorités de la transition","الحكومة الانتقالية"],"Mali's military-led transitional government, seated in Bamako.",["mali"]),
 A("algeria","state","الجزائر","Algeria","Algérie",["Algerie","People's Democratic Republic of Algeria","République algérienne","الجمهورية الجزائرية"],"North African state bordering Mali; mediator of the 2015 Algiers accords."),
 A("algerian-authorities","government_body","المسؤولون الجزائريون","Algerian officials","Autorités algériennes",["Algerian authorities","autorites algeriennes","certaines Autorités algériennes","المسؤولين الجزائريين"],"Algerian officials and authorities as referred to, collectively, by Mali's foreign ministry.",["algeria"]),
 A("ahmed-attaf","person","أحمد عطاف","Ahmed Attaf","Ahmed Attaf",["Attaf","عطاف","Ahmed Atef","أحمد عطّاف"],"Minister of Foreign Affairs of Algeria.",["algeria"]),
 A("abdoulaye-diop","person","عبد الله ديوب","Abdoulaye Diop","Abdoulaye Diop",["Diop","ديوب","Abdallah Diop","عبدالله ديوب"],"Minister of Foreign Affairs and International Cooperation of Mali.",["mali-maeci","mali"]),
 A("abdoulaye-maiga","person","العقيد عبد الله مايغا","Colonel Abdoulaye Maïga","Colonel Abdoulaye Maïga",["Abdoulaye Maiga","Maïga","Maiga","Maïga Abdoulaye","مايغا","عبد الله مايغا","Colonel Maiga"],"Malian minister of state (and government spokesman) who addressed the 79th UN General Assembly.",["mali-transitional-government","mali"]),
 A("mali-maeci","government_body","وزارة الخارجية المالية","Ministry of Foreign Affairs and International Cooperation of Mali","Ministère des Affaires étrangères et de la Coopération internationale du Mali",["@MaliMaeci","MaliMaeci","MAECI","Malian foreign ministry","Ministère des Affaires étrangères du Mali","وزارة الخارجية في مالي"],"Mali's foreign ministry, whose X (Twitter) account is @MaliMaeci.",["mali"]),
 A("mali-armed-forces","government_body","القوات المسلحة والأمنية في مالي","Malian Armed and Security Forces","Forces armées et de sécurité du Mali",["FAMa","Forces armées maliennes","Malian army","الجيش المالي"],"Mali's state armed and security forces.",["mali"]),
 A("morocco","state","المغرب","Morocco","Maroc",["Kingdom of Morocco","Royaume du Maroc","المملكة المغربية"],"North African state; supported Mali's accusations against Algeria at the UN Security Council."),
 A("algiers-accords-movements","armed_group","حركات المعارضة الموقعة على اتفاقيات الجزائر","Armed movements that signed the 2015 Algiers accords","Mouvements signataires de l'Accord d'Alger de 2015",["opposition movements","signatory movements","حركات المعارضة","mouvements signataires","CMA","Coordination of Azawad Movements","Coordination des mouvements de l'Azawad"],"Northern Malian opposition and armed movements that signed the 2015 Algiers peace accords; the document calls them opposition movements (CMA is the main coalition, named here as an alias, not in the text)."),
 A("terrorist-groups","armed_group","الجماعات الإرهابية","Terrorist groups (as designated by Mali)","Groupes terroristes",["armed terrorist groups","الجماعات المسلحة الإرهابية","terrorists","الإرهابيين"],"Armed groups that Mali's government calls terrorist and says are backed by Algeria or foreign parties; unnamed in the document."),
 A("un-general-assembly","international_body","الجمعية العامة للأمم المتحدة","United Nations General Assembly","Assemblée générale des Nations unies",["UNGA","UN General Assembly","AGNU","الجمعية العامة"],"Plenary organ of the United Nations; its 79th session opened in September 2024."),
 A("un-security-council","international_body","مجلس الأمن","United Nations Security Council","Conseil de sécurité des Nations unies",["UNSC","Security Council","CSNU","مجلس الأمن الدولي"],"The UN organ charged with international peace and security."),
]
def E(id,date,cert,note,cameo,plover,actors,title,summary,sources):
    d={"id":id,"date":date,"certainty":cert}
    if note: d["date_note"]=note
    d.update({"type":{"cameo":{"code":cameo[0],"label":cameo[1]},"plover":{"code":plover[0],"label":plover[1]}},
      "actors":[{"actor":a,"role":r} for a,r in actors],"title":title,"summary":summary,"sources":sources})
    return d
events=[
 E("algiers-accords-signed","2015","stated",None,("057","Sign formal agreement"),("AGREE","Agree"),
   [("algiers-accords-movements","source"),("mali","source"),("algeria","other")],
   {"en":"Opposition movements sign the Algiers accords","ar":"حركات المعارضة توقع على اتفاقيات الجزائر"},
   {"en":"The Malian opposition movements that Attaf defended signed the Algiers accords in 2015 (the Agreement for Peace and Reconciliation in Mali, mediated by Algeria).","ar":"وقّعت حركات المعارضة المالية التي دافع عنها عطاف على اتفاقيات الجزائر عام 2015."},
   [sp("مشيرًا إلى أنها وقّعت على اتفاقيات الجزائر عام 2015")]),
 E("mali-withdraws-from-algiers-accords","2024-01-25","stated",None,("16","Reduce relations"),("REDUCE_RELATIONS","Reduce relations"),
   [("mali","source"),("algeria","target"),("algiers-accords-movements","other")],
   {"en":"Mali withdraws from the Algiers accords","ar":"مالي تعلن انسحابها من اتفاقيات الجزائر"},
   {"en":"Mali announced its withdrawal from the Algiers accords on 25 January 2024; since then tensions between the two neighbours have been almost constant.","ar":"أعلنت مالي انسحابها من اتفاقيات الجزائر في 25 يناير 2024، ومنذ ذلك الحين أصبحت التوترات بين الجارتين شبه دائمة."},
   [sp("ومنذ إعلان مالي انسحابها من اتفاقيات الجزائر في 25 يناير 2024، أصبحت التوترات بين الجارتين شبه دائمة.")]),
 E("maiga-accuses-algeria-at-unga79","2024-09","inferred","The month is stated (شتنبر, September); the year follows from the 79th session of the UN General Assembly, which opened in September 2024.",("112","Accuse, not specified below"),("ACCUSE","Accuse"),
   [("abdoulaye-maiga","source"),("algeria","target"),("mali","other"),("un-general-assembly","other")],
   {"en":"Maïga accuses Algeria at the 79th UN General Assembly","ar":"مايغا يتهم الجزائر في الدورة الـ79 للجمعية العامة للأمم المتحدة"},
   {"en":"Mali's minister of state, Colonel Abdoulaye Maïga, accused Algeria at the 79th UN General Assembly of providing 'a haven and aid to terrorists and fleeing dissidents'.","ar":"اتهم وزير الدولة المالي العقيد عبد الله مايغا الجزائر خلال الدورة الـ79 للجمعية العامة للأمم المتحدة بتوفير ملاذ ومساعدات للإرهابيين والمنشقين."},
   [sp("آخرها كان في شتنبر خلال الدورة الـ79 للجمعية العامة للأمم المتحدة، عندما اتهم وزير الدولة المالي، العقيد عبد الله مايغا، الجزائر بتوفير \"ملاذ ومساعدات للإرهابيين والمنشقين الهاربين.\"")]),
 E("morocco-backs-accusations-at-unsc","2024-09/2025-01","inferred","The document gives no date: the support came after Maïga's accusation (September 2024) and before the article (January 2025).",("051","Praise or endorse"),("SUPPORT","Support"),
   [("morocco","source"),("mali","other"),("algeria","target"),("un-security-council","other")],
   {"en":"Morocco backs the accusations against Algeria at the Security Council","ar":"المغرب يدعم في مجلس الأمن الاتهامات ضد الجزائر"},
   {"en":"At the UN Security Council, Morocco supported Mali's accusations against Algeria.","ar":"دعم المغرب في مجلس الأمن اتهامات مالي ضد الجزائر."},
   [sp("ودعم المغرب في مجلس الأمن هذه الاتهامات ضد الجزائر.")]),
 E("attaf-statements-on-sahel","2024-12-30","inferred","The document says \"30 دجنبر\" (30 December) without a year; 2024 follows from the article's opening, \"at the start of 2025\".",("010","Make statement, not specified below"),("REJECT","Reject"),
   [("ahmed-attaf","source"),("mali","target"),("algiers-accords-movements","other"),("algeria","other")],
   {"en":"Attaf says a military solution in the Sahel is impossible and defends the opposition movements","ar":"عطاف: الحل العسكري مستحيل في الساحل ودفاع عن حركات المعارضة"},
   {"en":"Algeria's foreign minister Ahmed Attaf said a military solution in the Sahel and Sahara, especially in Mali, is impossible, defended the opposition movements and refused to call them 'terrorist gangs'. PLOVER REJECT codes his refusal of the military option and of the label.","ar":"قال وزير الخارجية الجزائري أحمد عطاف إن الحل العسكري مستحيل في الساحل والصحراء وخصوصًا في مالي، ودافع عن حركات المعارضة ورفض وصفها بالعصابات الإرهابية."},
   [sp("تصريحات وزير الخارجية الجزائري، أحمد عطاف، يوم 30 دجنبر، حول الوضع في منطقة الساحل."),
    sp("كما دافع عن حركات المعارضة، ورفض وصفها بـ\"العصابات الإرهابية\"، مشيرًا إلى أنها وقّعت على اتفاقيات الجزائر عام 2015.")]),
 E("mali-condemns-algerian-interference","2025-01-01","stated",None,("111","Criticize or denounce"),("ACCUSE","Accuse"),
   [("mali-maeci","source"),("mali-transitional-government","source"),("algeria","target"),("algerian-authorities","target"),("abdoulaye-diop","other")],
   {"en":"Mali's foreign ministry condemns Algerian interference","ar":"الخارجية المالية تدين التدخل الجزائري"},
   {"en":"In a communiqué posted on 1 January 2025, Mali's foreign ministry, headed by Abdoulaye Diop, condemned 'in the strongest terms' a new Algerian interference in Mali's internal affairs, in reaction to Attaf's statements.","ar":"في بيان نُشر في 1 يناير 2025، أدانت وزارة الخارجية المالية التي يقودها عبد الله ديوب بأشد العبارات التدخل الجزائري الجديد في الشؤون الداخلية لمالي، ردًا على تصريحات عطاف."},
   [sp("فقد أعربت الحكومة الانتقالية في باماكو عن غضبها الشديد"),
    sp("هذه التصريحات قوبلت بإدانة شديدة من وزارة الخارجية المالية، حيث جاء في بيان أصدرته الوزارة التي يتولى قيادتها قيادة عبد الله ديوب:"),
    sp("— Ministère des Affaires étrangères du Mali (@MaliMaeci) January 1, 2025"),
    sp("وورد في البيان، الذي نُشر على حساب وزارة الخارجية المالية على تويتر، أن مالي")]),
]
def Q(id,text_span,lang,speaker,event,date,en,kind="statement",note=None):
    s=text_span; text=t[s["start"]:s["end"]]
    d={"id":id,"text":text,"language":lang,"speaker":speaker,"event":event,"date":date,"kind":kind,"translation":{"en":en},"source":s}
    if note: d["note"]=note
    return d
quotes=[
 Q("attaf-military-solution",between('حيث قال: "','"'),"ar","ahmed-attaf","attaf-statements-on-sahel","2024-12-30",
   "The military solution is impossible in the Sahel and the Sahara, and especially in Mali, because it has been tried three times in the past and failed.",
   note="Reported in Arabic by the article; the language Attaf spoke in is not stated."),
 Q("attaf-refused-term",sp("العصابات الإرهابية"),"ar","ahmed-attaf","attaf-statements-on-sahel","2024-12-30",
   "terrorist gangs", kind="term", note="The label Attaf refused to apply to the opposition movements; quoted by the article, not endorsed by the speaker."),
 Q("maeci-successes-irk-algerian-officials",between('قيادة عبد الله ديوب: "','"'),"ar","mali-maeci","mali-condemns-algerian-interference","2025-01-01",
   "It is clear that the notable successes of the armed and security forces in Mali, as well as the pressure on the terrorist groups backed by Algeria, do not please some Algerian officials who are nostalgic for a bygone past."),
 Q("maeci-communique-fr",sp("Communiqué du Ministère des Affaires étrangères et de la Coopération internationale de la République du Mali dénonçant la persistance de certaines Autorités algériennes à poursuivre des actes d’ingérence dans les affaires intérieures du Mali."),"fr","mali-maeci","mali-condemns-algerian-interference","2025-01-01",
   "Communiqué of the Ministry of Foreign Affairs and International Cooperation of the Republic of Mali denouncing the persistence of certain Algerian authorities in pursuing acts of interference in Mali's internal affairs.",
   note="Text of the ministry's tweet (@MaliMaeci), embedded in the article."),
 Q("maeci-condemns-interference",between('أن مالي "','"'),"ar","mali-maeci","mali-condemns-algerian-interference","2025-01-01",
   "[Mali] condemns in the strongest terms this new interference by Algeria in Mali's internal affairs... and affirms that the strategic choices for fighting armed terrorist groups, backed by foreign parties, remain at the heart of Mali's sovereignty."),
 Q("maeci-no-lessons",between('في بيانها: "','"'),"ar","mali-maeci","mali-condemns-algerian-interference","2025-01-01",
   "Mali neither needs nor accepts lessons from Algeria, which in the recent past led its fight against terrorism in full sovereignty."),
 Q("maeci-focus-on-internal-crises",between('الجزائر إلى "','"'),"ar","mali-maeci","mali-condemns-algerian-interference","2025-01-01",
   "[Algeria should] focus its energy on resolving its own internal crises and contradictions, including the Kabyle question, and stop using Mali as a card to strengthen its international position."),
 Q("maiga-haven-for-terrorists",between('الجزائر بتوفير "','"'),"ar","abdoulaye-maiga","maiga-accuses-algeria-at-unga79","2024-09",
   "a haven and aid for terrorists and fleeing dissidents.", note="Reported in Arabic; Maïga addressed the General Assembly in French."),
]
def dump(name, obj):
    with open(name,'w',encoding='utf-8') as f: json.dump(obj,f,ensure_ascii=False,indent=2); f.write('\n')
dump('documents.json',documents); dump('actors.json',actors); dump('events.json',events); dump('quotes.json',quotes)
for q in quotes: print(q['id'], q['source'], repr(q['text'][:50]))
