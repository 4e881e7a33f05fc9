// Interface text in English, French and Arabic. The browser's language picks the default; the
// switch in the header (or ?ui=) changes it; Arabic mirrors the layout (dir="rtl").
const STRINGS = {
  en: {
    skip: 'Skip to the events',
    tagline: 'Events, actors and quotes, each one click from its words in the source.',
    language: 'Language', filters: 'Filters', actors: 'Actors', actorPlaceholder: 'Type a name, pick from the list',
    type: 'Event type', anyType: 'Any type', from: 'From', to: 'To', search: 'Search (Arabic or Latin script)',
    apply: 'Apply', clear: 'Clear', timeline: 'Timeline', resetZoom: 'Show all dates',
    zoomHint: 'Drag across the timeline to zoom into a period; select a mark to read its source.',
    events: 'Events', export: 'Export this view:', prev: 'Previous', next: 'Next',
    quotes: 'Quotes', quotesHint: 'Quotes spoken by the selected actors or by those who speak for them (their ministers, ministries and spokespeople), in the selected period and search.',
    network: 'Who does what to whom',
    networkHint: 'Each arrow goes from the actor who acts to its target; its colour is the event type. Select an actor to filter by it.',
    source: 'Source', close: 'Close', apiHost: 'Data from',
    removeActor: 'Remove {name}', page: '{first}–{last} of {total}', noEvents: 'No event matches these filters.',
    noQuotes: 'No quote matches these filters.', loading: 'Loading…',
    eventsShown: '{total} events, each drawn at its date.',
    histogram: '{total} events, counted per {unit}; drag or select a bar to zoom until each event is drawn.',
    coarser: 'grey strip: events dated only to a coarser period, drawn over the whole period',
    unit_year: 'year', unit_month: 'month', unit_day: 'day',
    certainty_stated: 'date stated by the document', certainty_inferred: 'date inferred from context',
    certainty_reported: 'date only in a relayed claim',
    precision_day: 'a day', precision_month: 'a month (band)', precision_year: 'a year (band)', precision_interval: 'an interval (span)',
    date: 'Date', certainty: 'Certainty', actorsRoles: 'Actors', typeLabel: 'Type', assertion: 'Who asserts it',
    document: 'Document', languages: 'Languages', digest: 'SHA-256', published: 'Published', length: 'Length',
    characters: '{n} characters', speaker: 'Speaker', translation: 'Translation', original: 'Original',
    cited: 'The cited words are highlighted.', contextNote: 'Shaded: the sentence that justifies the coding.',
    unknownActor: 'unknown actor', networkEmpty: 'No directed act (source → target) in this view.',
    role_source: 'source', role_target: 'target', role_about: 'about', role_venue: 'venue', role_other: 'other',
    plover: 'PLOVER', cameo: 'CAMEO root', error: 'The API answered with an error: {detail}',
    eventsIn: 'events',
    elsewhere: 'These data come from another server, {api}, not from this one.',
    badApi: 'The address given in api= ({api}) is not an http or https address; showing this server\'s data.',
    earlier: '{n} of them began before the period and are counted where they began.',
    mixed: 'mixed: its leading types tie', retry: 'Retry', unreachable: 'Cannot reach {api}: the panels show the last data received.',
    stale: 'not up to date', failed: 'The dashboard could not draw this view: {detail}',
    actsShown: 'acts in the arrows shown',
    anyCertainty: 'Any certainty', anyDocument: 'Any document',
    quotesUnfiltered: 'The type, certainty, country and document filters are the events\'; they do not narrow the quotes.',
    country: 'Country', anyCountry: 'Any country',
    flag_venue_disputed: 'venue disputed', flag_date_disputed: 'date disputed', flag_actor_disputed: 'actor disputed',
    assertedBy_outlet: 'the outlet, in its own voice', assertedBy_participant: 'a participant, whose claim the document relays: {actor}',
    citedSpans: 'Cited', span: 'code points {start} to {end} of {n} (counted from 0, the end excluded)', copyCitation: 'Copy citation', copied: 'Copied.',
    copyFailed: 'Copy refused by the browser: select the citation.',
    dayEvents: '{shown} of the {total} events of this period are dated within it (to a day, or to days inside it), each drawn at its date; the others, dated only to a coarser period, are counted below.',
    coarser_month: 'dated to a month', coarser_year: 'dated to a year', coarser_interval: 'a longer interval',
    coarserCount: 'events dated only to it overlap this period',
    showFilters: 'Show filters ({n} set)', hideFilters: 'Hide filters',
    map: 'Where', mapHint: 'Countries shaded by how many of the view\'s events took place there; a point for each event located at coordinates. Select a country to filter by it.',
    mapSource: 'Map: Natural Earth 1:110m countries (public domain).', mapCount: '{n} events', mapCountOne: '1 event', mapPoint: 'an event located at coordinates',
    unmapped: 'Counted but not on the map ({n} codes the map has no shape for): {codes}',
    quad_verbal_cooperation: 'verbal cooperation', quad_material_cooperation: 'material cooperation',
    quad_verbal_conflict: 'verbal conflict', quad_material_conflict: 'material conflict',
  },
  fr: {
    skip: 'Aller aux événements',
    tagline: 'Événements, acteurs et citations, chacun à un clic de ses mots dans la source.',
    language: 'Langue', filters: 'Filtres', actors: 'Acteurs', actorPlaceholder: 'Tapez un nom, choisissez dans la liste',
    type: "Type d'événement", anyType: 'Tous les types', from: 'Du', to: 'Au', search: 'Recherche (écriture arabe ou latine)',
    apply: 'Appliquer', clear: 'Effacer', timeline: 'Chronologie', resetZoom: 'Toutes les dates',
    zoomHint: 'Faites glisser sur la chronologie pour agrandir une période ; sélectionnez une marque pour lire sa source.',
    events: 'Événements', export: 'Exporter cette vue :', prev: 'Précédent', next: 'Suivant',
    quotes: 'Citations', quotesHint: 'Citations prononcées par les acteurs choisis ou par ceux qui parlent pour eux (leurs ministres, ministères et porte-parole), dans la période et la recherche choisies.',
    network: 'Qui fait quoi à qui',
    networkHint: "Chaque flèche va de l'acteur qui agit vers sa cible ; sa couleur est le type d'événement. Sélectionnez un acteur pour filtrer.",
    source: 'Source', close: 'Fermer', apiHost: 'Données de',
    removeActor: 'Retirer {name}', page: '{first}–{last} sur {total}', noEvents: 'Aucun événement ne correspond à ces filtres.',
    noQuotes: 'Aucune citation ne correspond à ces filtres.', loading: 'Chargement…',
    eventsShown: '{total} événements, chacun dessiné à sa date.',
    histogram: '{total} événements, comptés par {unit} ; faites glisser ou choisissez une barre pour agrandir.',
    coarser: 'bande grise : événements datés seulement à une période plus large, dessinés sur toute la période',
    unit_year: 'année', unit_month: 'mois', unit_day: 'jour',
    certainty_stated: 'date donnée par le document', certainty_inferred: 'date déduite du contexte',
    certainty_reported: 'date seulement dans une affirmation rapportée',
    precision_day: 'un jour', precision_month: 'un mois (bande)', precision_year: 'une année (bande)', precision_interval: 'un intervalle (étendue)',
    date: 'Date', certainty: 'Certitude', actorsRoles: 'Acteurs', typeLabel: 'Type', assertion: "Qui l'affirme",
    document: 'Document', languages: 'Langues', digest: 'SHA-256', published: 'Publication', length: 'Longueur',
    characters: '{n} caractères', speaker: 'Locuteur', translation: 'Traduction', original: 'Original',
    cited: 'Les mots cités sont surlignés.', contextNote: 'En grisé : la phrase qui justifie le codage.',
    unknownActor: 'acteur inconnu', networkEmpty: 'Aucun acte dirigé (source → cible) dans cette vue.',
    role_source: 'source', role_target: 'cible', role_about: 'concerné', role_venue: 'lieu', role_other: 'autre',
    plover: 'PLOVER', cameo: 'Racine CAMEO', error: "L'API a répondu par une erreur : {detail}",
    eventsIn: 'événements',
    elsewhere: 'Ces données viennent d\'un autre serveur, {api}, et non de celui-ci.',
    badApi: 'L\'adresse donnée dans api= ({api}) n\'est pas une adresse http ou https ; données de ce serveur.',
    earlier: 'Dont {n} ont commencé avant la période et sont comptés là où ils ont commencé.',
    mixed: 'mixte : ses types principaux sont à égalité', retry: 'Réessayer', unreachable: 'Impossible de joindre {api} : les panneaux montrent les dernières données reçues.',
    stale: 'pas à jour', failed: 'Le tableau de bord n\'a pas pu dessiner cette vue : {detail}',
    actsShown: 'actes dans les flèches montrées',
    anyCertainty: 'Toute certitude', anyDocument: 'Tout document',
    quotesUnfiltered: 'Les filtres de type, de certitude, de pays et de document portent sur les événements ; ils ne restreignent pas les citations.',
    country: 'Pays', anyCountry: 'Tous les pays',
    flag_venue_disputed: 'lieu contesté', flag_date_disputed: 'date contestée', flag_actor_disputed: 'acteur contesté',
    assertedBy_outlet: 'le média, en son nom', assertedBy_participant: 'un participant, dont le document rapporte l\'affirmation : {actor}',
    citedSpans: 'Cité', span: 'points de code {start} à {end} sur {n} (comptés depuis 0, la fin exclue)', copyCitation: 'Copier la référence', copied: 'Copié.',
    copyFailed: 'Copie refusée par le navigateur : sélectionnez la référence.',
    dayEvents: '{shown} des {total} événements de cette période sont datés en son sein (au jour, ou sur des jours qu\'elle contient), chacun dessiné à sa date ; les autres, datés seulement à une période plus large, sont comptés ci-dessous.',
    coarser_month: 'datés au mois', coarser_year: 'datés à l\'année', coarser_interval: 'un intervalle plus long',
    coarserCount: 'événements datés seulement ainsi recouvrent cette période',
    showFilters: 'Afficher les filtres ({n} actifs)', hideFilters: 'Masquer les filtres',
    map: 'Où', mapHint: 'Pays teintés selon le nombre d\'événements de la vue qui s\'y sont produits ; un point par événement localisé par ses coordonnées. Sélectionnez un pays pour filtrer.',
    mapSource: 'Carte : pays Natural Earth au 1:110m (domaine public).', mapCount: '{n} événements', mapCountOne: '1 événement', mapPoint: 'un événement localisé par ses coordonnées',
    unmapped: 'Comptés mais absents de la carte ({n} codes sans forme) : {codes}',
    quad_verbal_cooperation: 'coopération verbale', quad_material_cooperation: 'coopération matérielle',
    quad_verbal_conflict: 'conflit verbal', quad_material_conflict: 'conflit matériel',
  },
  ar: {
    skip: 'انتقل إلى الأحداث',
    tagline: 'أحداث وفاعلون واقتباسات، كلٌّ منها على بُعد نقرة من كلماته في المصدر.',
    language: 'اللغة', filters: 'عوامل التصفية', actors: 'الفاعلون', actorPlaceholder: 'اكتب اسمًا واختر من القائمة',
    type: 'نوع الحدث', anyType: 'كل الأنواع', from: 'من', to: 'إلى', search: 'بحث (بالحروف العربية أو اللاتينية)',
    apply: 'تطبيق', clear: 'مسح', timeline: 'الخط الزمني', resetZoom: 'كل التواريخ',
    zoomHint: 'اسحب على الخط الزمني لتكبير فترة؛ اختر علامة لقراءة مصدرها.',
    events: 'الأحداث', export: 'تصدير هذا العرض:', prev: 'السابق', next: 'التالي',
    quotes: 'الاقتباسات', quotesHint: 'اقتباسات قالها الفاعلون المختارون أو من يتحدث باسمهم (وزراؤهم ووزاراتهم والناطقون باسمهم)، في الفترة والبحث المختارين.',
    network: 'من يفعل ماذا بمن',
    networkHint: 'يتجه كل سهم من الفاعل إلى المستهدف، ولونه نوع الحدث. اختر فاعلًا للتصفية به.',
    source: 'المصدر', close: 'إغلاق', apiHost: 'البيانات من',
    removeActor: 'إزالة {name}', page: '{first}–{last} من {total}', noEvents: 'لا يوجد حدث يطابق عوامل التصفية هذه.',
    noQuotes: 'لا يوجد اقتباس يطابق عوامل التصفية هذه.', loading: 'جارٍ التحميل…',
    eventsShown: '{total} حدثًا، كلٌّ منها مرسوم في تاريخه.',
    histogram: '{total} حدثًا، معدودة حسب {unit}؛ اسحب أو اختر عمودًا للتكبير.',
    coarser: 'الشريط الرمادي: أحداث مؤرخة بفترة أوسع فقط، مرسومة على الفترة كلها',
    unit_year: 'السنة', unit_month: 'الشهر', unit_day: 'اليوم',
    certainty_stated: 'تاريخ يذكره المستند', certainty_inferred: 'تاريخ مستنتج من السياق',
    certainty_reported: 'تاريخ وارد في ادعاء منقول فقط',
    precision_day: 'يوم', precision_month: 'شهر (شريط)', precision_year: 'سنة (شريط)', precision_interval: 'مدة (امتداد)',
    date: 'التاريخ', certainty: 'اليقين', actorsRoles: 'الفاعلون', typeLabel: 'النوع', assertion: 'من يؤكده',
    document: 'المستند', languages: 'اللغات', digest: 'SHA-256', published: 'النشر', length: 'الطول',
    characters: '{n} حرفًا', speaker: 'المتحدث', translation: 'الترجمة', original: 'الأصل',
    cited: 'الكلمات المستشهد بها مظللة.', contextNote: 'المظلل بالأزرق: الجملة التي تبرر الترميز.',
    unknownActor: 'فاعل غير معروف', networkEmpty: 'لا يوجد فعل موجَّه (فاعل ← مستهدف) في هذا العرض.',
    role_source: 'الفاعل', role_target: 'المستهدف', role_about: 'المعني', role_venue: 'المكان', role_other: 'آخر',
    plover: 'PLOVER', cameo: 'جذر CAMEO', error: 'ردّت الواجهة البرمجية بخطأ: {detail}',
    eventsIn: 'أحداث',
    elsewhere: 'هذه البيانات من خادم آخر، {api}، وليست من هذا الخادم.',
    badApi: 'العنوان المعطى في api= ({api}) ليس عنوان http أو https؛ تُعرض بيانات هذا الخادم.',
    earlier: 'منها {n} بدأت قبل الفترة وهي معدودة حيث بدأت.',
    mixed: 'مختلط: أنواعه الرئيسية متساوية', retry: 'إعادة المحاولة', unreachable: 'تعذّر الوصول إلى {api}: تعرض اللوحات آخر بيانات وصلت.',
    stale: 'غير محدَّث', failed: 'تعذّر على لوحة المتابعة رسم هذا العرض: {detail}',
    actsShown: 'أفعال في الأسهم المعروضة',
    anyCertainty: 'أي درجة يقين', anyDocument: 'أي مستند',
    quotesUnfiltered: 'عوامل تصفية النوع واليقين والبلد والمستند خاصة بالأحداث؛ ولا تقيّد الاقتباسات.',
    country: 'البلد', anyCountry: 'أي بلد',
    flag_venue_disputed: 'المكان متنازع عليه', flag_date_disputed: 'التاريخ متنازع عليه', flag_actor_disputed: 'الفاعل متنازع عليه',
    assertedBy_outlet: 'الوسيلة الإعلامية بصوتها', assertedBy_participant: 'أحد المشاركين، وينقل المستند ادعاءه: {actor}',
    citedSpans: 'المستشهد به', span: 'نقاط الترميز من {start} إلى {end} من أصل {n} (العدّ من 0، والنهاية غير مشمولة)', copyCitation: 'نسخ الإحالة', copied: 'نُسخ.',
    copyFailed: 'رفض المتصفح النسخ: حدّد الإحالة.',
    dayEvents: '{shown} من أحداث هذه الفترة البالغة {total} مؤرخة داخلها (بيوم أو بأيام ضمنها)، وكلٌّ منها مرسوم في تاريخه؛ والبقية، المؤرخة بفترة أوسع فقط، معدودة أدناه.',
    coarser_month: 'مؤرخة بشهر', coarser_year: 'مؤرخة بسنة', coarser_interval: 'مدة أطول',
    coarserCount: 'أحداث مؤرخة بهذه الدقة فقط تتداخل مع هذه الفترة',
    showFilters: 'إظهار عوامل التصفية ({n} مفعّلة)', hideFilters: 'إخفاء عوامل التصفية',
    map: 'أين', mapHint: 'البلدان ملونة حسب عدد أحداث العرض التي وقعت فيها؛ ونقطة لكل حدث محدد بإحداثياته. اختر بلدًا للتصفية به.',
    mapSource: 'الخريطة: بلدان Natural Earth بمقياس 1:110m (ملك عام).', mapCount: 'الأحداث: {n}', mapCountOne: 'الأحداث: 1', mapPoint: 'حدث محدد بإحداثياته',
    unmapped: 'معدودة وليست على الخريطة ({n} رموز بلا شكل): {codes}',
    quad_verbal_cooperation: 'تعاون لفظي', quad_material_cooperation: 'تعاون مادي',
    quad_verbal_conflict: 'نزاع لفظي', quad_material_conflict: 'نزاع مادي',
  },
};

export const LANGUAGES = Object.keys(STRINGS);
let current = 'en';

export function pickLanguage(requested, browserLanguages) {
  if (requested && STRINGS[requested]) return requested;
  for (const tag of browserLanguages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (STRINGS[base]) return base;
  }
  return 'en';
}

export function setLanguage(language) {
  current = STRINGS[language] ? language : 'en';
  document.documentElement.lang = current;
  document.documentElement.dir = current === 'ar' ? 'rtl' : 'ltr';
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of document.querySelectorAll('[data-i18n-placeholder]')) element.placeholder = t(element.dataset.i18nPlaceholder);
}

export function language() { return current; }

export function t(key, values = {}) {
  const text = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in values ? String(values[name]) : `{${name}}`));
}

/** Numbers and dates in the interface language (Arabic with Latin digits, as the data writes them). */
export function formatNumber(n) {
  return numberFormat(current).format(n);
}

// Formatters are costly to make (a locale lookup each): one per language and set of options.
const formatters = new Map();
function cached(key, make) {
  if (!formatters.has(key)) formatters.set(key, make());
  return formatters.get(key);
}

function numberFormat(language) {
  return cached('number ' + language, () => new Intl.NumberFormat(language === 'ar' ? 'ar-u-nu-latn' : language));
}

/** A date formatter for the locale and options, made once and kept. */
export function dateFormat(locale, options) {
  return cached('date ' + locale + ' ' + JSON.stringify(options), () => new Intl.DateTimeFormat(locale, options));
}

/** A localized text object ({"en": …, "ar": …}) in the interface language, or the nearest one there is. */
export function pick(text) {
  if (!text) return { text: '', lang: current };
  for (const lang of [current, 'en', 'fr', 'ar']) if (text[lang]) return { text: text[lang], lang };
  const [lang, value] = Object.entries(text)[0] ?? [current, ''];
  return { text: value, lang };
}
