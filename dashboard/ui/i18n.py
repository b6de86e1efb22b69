"""Interface text in English, French and Arabic, in plain words for non-technical readers."""
from __future__ import annotations

LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français", "ar": "العربية"}
RTL = frozenset({"ar"})

_STRINGS: dict[str, dict[str, str]] = {
    "title": {"en": "Security cooperation in North Africa and the Sahel",
              "fr": "Coopération sécuritaire en Afrique du Nord et au Sahel",
              "ar": "التعاون الأمني في شمال إفريقيا والساحل"},
    "subtitle": {"en": "What the news says: who cooperates with whom, where and when.",
                 "fr": "Ce que dit la presse : qui coopère avec qui, où et quand.",
                 "ar": "ما تقوله الأخبار: من يتعاون مع من، وأين، ومتى."},
    "interface_language": {"en": "Interface language", "fr": "Langue de l'interface", "ar": "لغة الواجهة"},
    "filters": {"en": "Filters", "fr": "Filtres", "ar": "عوامل التصفية"},
    "dates": {"en": "Event dates", "fr": "Dates des événements", "ar": "تواريخ الأحداث"},
    "countries": {"en": "Countries", "fr": "Pays", "ar": "الدول"},
    "places": {"en": "Places", "fr": "Lieux", "ar": "الأماكن"},
    "event_types": {"en": "Event types", "fr": "Types d'événement", "ar": "أنواع الأحداث"},
    "actors": {"en": "Actors", "fr": "Acteurs", "ar": "الفاعلون"},
    "article_languages": {"en": "Article language", "fr": "Langue des articles", "ar": "لغة المقالات"},
    "sources": {"en": "Sources", "fr": "Sources", "ar": "المصادر"},
    "search": {"en": "Search the articles", "fr": "Rechercher dans les articles", "ar": "البحث في المقالات"},
    "search_help": {"en": "Finds words in titles and texts. Arabic matches with or without hamza and vowel marks.",
                    "fr": "Cherche des mots dans les titres et les textes. L'arabe est trouvé avec ou sans "
                          "hamza ni voyelles.",
                    "ar": "يبحث عن الكلمات في العناوين والنصوص، مع الهمزة والتشكيل أو بدونهما."},
    "reset": {"en": "Reset all filters", "fr": "Effacer tous les filtres", "ar": "إلغاء كل عوامل التصفية"},
    "share_hint": {"en": "Copy the page address to share exactly this view.",
                   "fr": "Copiez l'adresse de la page pour partager exactement cette vue.",
                   "ar": "انسخ عنوان الصفحة لمشاركة هذا العرض كما هو."},
    "all": {"en": "All", "fr": "Tous", "ar": "الكل"},
    "m_events": {"en": "Events", "fr": "Événements", "ar": "الأحداث"},
    "m_articles": {"en": "Articles", "fr": "Articles", "ar": "المقالات"},
    "m_places": {"en": "Places", "fr": "Lieux", "ar": "الأماكن"},
    "m_countries": {"en": "Countries", "fr": "Pays", "ar": "الدول"},
    "map": {"en": "Map", "fr": "Carte", "ar": "الخريطة"},
    "show_arcs": {"en": "Show links between cooperating countries", "fr": "Montrer les liens entre pays qui coopèrent",
                  "ar": "إظهار الروابط بين الدول المتعاونة"},
    "show_heat": {"en": "Show density (heat map)", "fr": "Montrer la densité (carte de chaleur)",
                  "ar": "إظهار الكثافة (خريطة حرارية)"},
    "map_help": {"en": "Circle size = number of events. Colour = most frequent event type. "
                       "Hollow rings = the article names only the country, not a city. Click a circle to filter.",
                 "fr": "Taille du cercle = nombre d'événements. Couleur = type le plus fréquent. "
                       "Anneaux = l'article ne cite que le pays, pas une ville. Cliquez un cercle pour filtrer.",
                 "ar": "حجم الدائرة = عدد الأحداث. اللون = النوع الأكثر تكرارا. الحلقات = المقال يذكر البلد فقط "
                       "وليس مدينة. انقر على دائرة للتصفية."},
    "map_empty": {"en": "No event with a known place in this view.",
                  "fr": "Aucun événement localisé dans cette vue.",
                  "ar": "لا يوجد حدث بمكان معروف في هذا العرض."},
    "tt_events": {"en": "events", "fr": "événements", "ar": "أحداث"},
    "tt_articles": {"en": "articles", "fr": "articles", "ar": "مقالات"},
    "tt_main_type": {"en": "Most frequent", "fr": "Le plus fréquent", "ar": "الأكثر تكرارا"},
    "tt_country_level": {"en": "Whole country: the exact place is not known",
                         "fr": "Pays entier : le lieu exact n'est pas connu",
                         "ar": "البلد كله: المكان الدقيق غير معروف"},
    "tt_city": {"en": "Place named in the news", "fr": "Lieu cité dans la presse", "ar": "مكان مذكور في الأخبار"},
    "tt_link": {"en": "events involving both", "fr": "événements impliquant les deux", "ar": "أحداث تشمل الطرفين"},
    "timeline": {"en": "Timeline", "fr": "Chronologie", "ar": "الخط الزمني"},
    "timeline_help": {"en": "Drag across the chart to choose dates.",
                      "fr": "Faites glisser sur le graphique pour choisir des dates.",
                      "ar": "اسحب على الرسم لاختيار التواريخ."},
    "timeline_empty": {"en": "No dated event in this view.", "fr": "Aucun événement daté dans cette vue.",
                       "ar": "لا يوجد حدث مؤرخ في هذا العرض."},
    "undated": {"en": "{n} events in this view have no date and are not on the timeline.",
                "fr": "{n} événements de cette vue n'ont pas de date et ne figurent pas sur la chronologie.",
                "ar": "{n} من الأحداث في هذا العرض بلا تاريخ ولا تظهر على الخط الزمني."},
    "h_date": {"en": "Date", "fr": "Date", "ar": "التاريخ"},
    "h_count": {"en": "Events", "fr": "Événements", "ar": "الأحداث"},
    "h_type": {"en": "Type", "fr": "Type", "ar": "النوع"},
    "h_status": {"en": "Status", "fr": "Statut", "ar": "الحالة"},
    "h_place": {"en": "Place", "fr": "Lieu", "ar": "المكان"},
    "h_country": {"en": "Country", "fr": "Pays", "ar": "البلد"},
    "h_actors": {"en": "Actors", "fr": "Acteurs", "ar": "الفاعلون"},
    "h_evidence": {"en": "What the article says", "fr": "Ce que dit l'article", "ar": "ما يقوله المقال"},
    "h_title": {"en": "Article", "fr": "Article", "ar": "المقال"},
    "h_source": {"en": "Source", "fr": "Source", "ar": "المصدر"},
    "h_link": {"en": "Link", "fr": "Lien", "ar": "الرابط"},
    "h_language": {"en": "Language", "fr": "Langue", "ar": "اللغة"},
    "h_published": {"en": "Published", "fr": "Publié le", "ar": "تاريخ النشر"},
    "h_headline": {"en": "Headline", "fr": "Titre", "ar": "العنوان"},
    "tab_events": {"en": "Events and articles", "fr": "Événements et articles", "ar": "الأحداث والمقالات"},
    "tab_add": {"en": "Add articles", "fr": "Ajouter des articles", "ar": "إضافة مقالات"},
    "tab_problems": {"en": "Problems", "fr": "Problèmes", "ar": "المشكلات"},
    "table_help": {"en": "Click a row to read the article below.",
                   "fr": "Cliquez une ligne pour lire l'article plus bas.",
                   "ar": "انقر على سطر لقراءة المقال أدناه."},
    "table_empty": {"en": "No event in this view.", "fr": "Aucun événement dans cette vue.",
                    "ar": "لا يوجد حدث في هذا العرض."},
    "table_more": {"en": "Showing the first {n} events; downloads contain the whole view.",
                   "fr": "Les {n} premiers événements sont affichés ; les téléchargements contiennent toute la vue.",
                   "ar": "تظهر أول {n} أحداث؛ والتنزيل يشمل العرض كاملا."},
    "download_csv": {"en": "Download CSV", "fr": "Télécharger en CSV", "ar": "تنزيل CSV"},
    "download_xlsx": {"en": "Download Excel", "fr": "Télécharger en Excel", "ar": "تنزيل Excel"},
    "reader": {"en": "Read an article", "fr": "Lire un article", "ar": "قراءة مقال"},
    "pick_article": {"en": "Article", "fr": "Article", "ar": "المقال"},
    "no_article": {"en": "—", "fr": "—", "ar": "—"},
    "legend": {"en": "Highlighted: places, actors and sentences that report an event.",
               "fr": "Surligné : lieux, acteurs et phrases qui rapportent un événement.",
               "ar": "مظلل: الأماكن والفاعلون والجمل التي تنقل حدثا."},
    "lg_place": {"en": "place", "fr": "lieu", "ar": "مكان"},
    "lg_actor": {"en": "actor", "fr": "acteur", "ar": "فاعل"},
    "lg_event": {"en": "event sentence", "fr": "phrase d'événement", "ar": "جملة حدث"},
    "open_source": {"en": "Open the original article", "fr": "Ouvrir l'article original", "ar": "فتح المقال الأصلي"},
    "article_missing": {"en": "This article is not in the store.", "fr": "Cet article n'est pas dans la base.",
                        "ar": "هذا المقال غير موجود في قاعدة البيانات."},
    "articles_no_events": {"en": "Articles in this view", "fr": "Articles de cette vue",
                           "ar": "المقالات في هذا العرض"},
    "add_intro": {"en": "Add news articles: upload files, give a news feed address, or refresh the project's feeds.",
                  "fr": "Ajoutez des articles : envoyez des fichiers, donnez l'adresse d'un flux, ou actualisez "
                        "les flux du projet.",
                  "ar": "أضف مقالات: ارفع ملفات، أو أعط عنوان موجز أخبار، أو حدّث موجزات المشروع."},
    "ephemeral": {"en": "On Streamlit Community Cloud the disk is temporary: articles added here are lost when "
                        "the app restarts. Keep your files, or run the dashboard on your own machine.",
                  "fr": "Sur Streamlit Community Cloud, le disque est temporaire : les articles ajoutés ici sont "
                        "perdus au redémarrage. Gardez vos fichiers, ou installez le tableau de bord chez vous.",
                  "ar": "على Streamlit Community Cloud القرص مؤقت: المقالات المضافة هنا تضيع عند إعادة التشغيل. "
                        "احتفظ بملفاتك أو شغّل اللوحة على جهازك."},
    "upload": {"en": "Files (text, HTML, JSON Lines, CSV, RSS/Atom)",
               "fr": "Fichiers (texte, HTML, JSON Lines, CSV, RSS/Atom)",
               "ar": "ملفات (نص، HTML، JSON Lines، CSV، RSS/Atom)"},
    "feed_url": {"en": "News feed address (RSS or Atom)", "fr": "Adresse d'un flux (RSS ou Atom)",
                 "ar": "عنوان موجز أخبار (RSS أو Atom)"},
    "add_button": {"en": "Add to the dashboard", "fr": "Ajouter au tableau de bord", "ar": "إضافة إلى اللوحة"},
    "refresh_feeds": {"en": "Refresh the project's feeds", "fr": "Actualiser les flux du projet",
                      "ar": "تحديث موجزات المشروع"},
    "nothing_to_add": {"en": "Choose files or give a feed address first.",
                       "fr": "Choisissez d'abord des fichiers ou une adresse de flux.",
                       "ar": "اختر ملفات أو أعط عنوان موجز أولا."},
    "too_many_files": {"en": "At most {n} files at a time: only the first {n} are added.",
                       "fr": "{n} fichiers au plus à la fois : seuls les {n} premiers sont ajoutés.",
                       "ar": "{n} ملفات كحد أقصى في كل مرة: تضاف الأولى فقط."},
    "file_too_big": {"en": "larger than {mb} MB", "fr": "plus de {mb} Mo", "ar": "أكبر من {mb} ميغابايت"},
    "bad_url": {"en": "The feed address must start with http:// or https://.",
                "fr": "L'adresse du flux doit commencer par http:// ou https://.",
                "ar": "يجب أن يبدأ عنوان الموجز بـ http:// أو https://."},
    "no_feed_list": {"en": "The project has no feed list (data/feeds.txt).",
                     "fr": "Le projet n'a pas de liste de flux (data/feeds.txt).",
                     "ar": "لا توجد قائمة موجزات في المشروع (data/feeds.txt)."},
    "ingest_missing": {"en": "Adding articles is not available in this installation.",
                       "fr": "L'ajout d'articles n'est pas disponible dans cette installation.",
                       "ar": "إضافة المقالات غير متاحة في هذا التثبيت."},
    "working": {"en": "Reading and analysing {n} articles…", "fr": "Lecture et analyse de {n} articles…",
                "ar": "قراءة وتحليل {n} مقالات…"},
    "added": {"en": "{added} new articles, {present} already there, {failed} could not be read.",
              "fr": "{added} nouveaux articles, {present} déjà présents, {failed} illisibles.",
              "ar": "{added} مقالات جديدة، {present} موجودة مسبقا، {failed} تعذرت قراءتها."},
    "new_articles": {"en": "New articles", "fr": "Nouveaux articles", "ar": "المقالات الجديدة"},
    "failed_items": {"en": "Could not be added", "fr": "N'ont pas pu être ajoutés", "ar": "تعذرت إضافتها"},
    "problems_intro": {"en": "Inputs that could not be turned into articles, with the reason.",
                       "fr": "Entrées qui n'ont pas pu devenir des articles, avec la raison.",
                       "ar": "مدخلات تعذر تحويلها إلى مقالات، مع السبب."},
    "no_problems": {"en": "No problems recorded.", "fr": "Aucun problème enregistré.", "ar": "لا توجد مشكلات مسجلة."},
    "h_reason": {"en": "Reason", "fr": "Raison", "ar": "السبب"},
    "h_when": {"en": "Last seen", "fr": "Vu le", "ar": "آخر ظهور"},
    "building": {"en": "First start: building the article store from the sample articles…",
                 "fr": "Premier démarrage : construction de la base à partir des articles d'exemple…",
                 "ar": "التشغيل الأول: بناء قاعدة المقالات من الأمثلة…"},
    "build_failed": {"en": "The article store could not be built: {error}",
                     "fr": "La base d'articles n'a pas pu être construite : {error}",
                     "ar": "تعذر بناء قاعدة المقالات: {error}"},
    "store_unreadable": {"en": "The article store cannot be read. Re-create it with: python -m dashboard build --fresh",
                         "fr": "La base d'articles est illisible. Recréez-la avec : python -m dashboard build --fresh",
                         "ar": "تعذرت قراءة قاعدة المقالات. أعد إنشاءها بالأمر: python -m dashboard build --fresh"},
    "store_empty": {"en": "The store has no articles yet. Add some on the “Add articles” tab.",
                    "fr": "La base ne contient pas encore d'article. Ajoutez-en dans l'onglet « Ajouter des "
                          "articles ».",
                    "ar": "لا توجد مقالات بعد. أضف بعضها من تبويب «إضافة مقالات»."},
    "no_events_yet": {"en": "No events have been found in the stored articles yet.",
                      "fr": "Aucun événement n'a encore été trouvé dans les articles.",
                      "ar": "لم يعثر بعد على أحداث في المقالات المخزنة."},
    "unknown": {"en": "unknown", "fr": "inconnu", "ar": "غير معروف"},
    # -- errors and limits
    "err_page": {"en": "Something went wrong while showing the page. Reload the page to try again; if it happens "
                       "again, tell the people who run this dashboard.",
                 "fr": "Un problème est survenu en affichant la page. Rechargez la page pour réessayer ; si cela se "
                       "reproduit, prévenez les personnes qui gèrent ce tableau de bord.",
                 "ar": "حدث خطأ أثناء عرض الصفحة. أعد تحميل الصفحة للمحاولة مجددا، وإن تكرر الأمر فأبلغ القائمين "
                       "على هذه اللوحة."},
    "err_part": {"en": "Something went wrong while showing this part of the page ({part}). The rest of the page "
                       "works. Reload the page to try again; if it happens again, tell the people who run this "
                       "dashboard.",
                 "fr": "Un problème est survenu en affichant cette partie de la page ({part}). Le reste de la page "
                       "fonctionne. Rechargez la page pour réessayer ; si cela se reproduit, prévenez les "
                       "personnes qui gèrent ce tableau de bord.",
                 "ar": "حدث خطأ أثناء عرض هذا الجزء من الصفحة ({part}). بقية الصفحة تعمل. أعد تحميل الصفحة "
                       "للمحاولة مجددا، وإن تكرر الأمر فأبلغ القائمين على هذه اللوحة."},
    "err_busy": {"en": "Articles are being added right now. Reload the page in a moment.",
                 "fr": "Des articles sont en cours d'ajout. Rechargez la page dans un instant.",
                 "ar": "تجري الآن إضافة مقالات. أعد تحميل الصفحة بعد لحظات."},
    "err_store": {"en": "This part of the page ({part}) could not read the article store. Reload the page; if it "
                        "happens again, the store may be damaged: re-create it with python -m dashboard build "
                        "--fresh",
                  "fr": "Cette partie de la page ({part}) n'a pas pu lire la base d'articles. Rechargez la page ; si "
                        "cela se reproduit, la base est peut-être endommagée : recréez-la avec python -m dashboard "
                        "build --fresh",
                  "ar": "تعذر على هذا الجزء من الصفحة ({part}) قراءة قاعدة المقالات. أعد تحميل الصفحة، وإن تكرر "
                        "ذلك فقد تكون القاعدة تالفة: أعد إنشاءها بالأمر python -m dashboard build --fresh"},
    "reader_part": {"en": "Part of the article", "fr": "Partie de l'article", "ar": "جزء من المقال"},
    "reader_part_label": {"en": "Part {k} of {n}", "fr": "Partie {k} sur {n}", "ar": "الجزء {k} من {n}"},
    "reader_long": {"en": "This article is long: it is shown one part at a time ({n} parts).",
                    "fr": "Cet article est long : il est affiché partie par partie ({n} parties).",
                    "ar": "هذا المقال طويل: يعرض جزءا جزءا ({n} أجزاء)."},
    "upload_reading": {"en": "Reading {name}…", "fr": "Lecture de {name}…", "ar": "قراءة {name}…"},
}

EVENT_TYPE_LABELS: dict[str, dict[str, str]] = {
    "visit": {"en": "Visit", "fr": "Visite", "ar": "زيارة"},
    "talks": {"en": "Talks", "fr": "Entretiens", "ar": "محادثات"},
    "agreement": {"en": "Agreement", "fr": "Accord", "ar": "اتفاق"},
    "exercise": {"en": "Military exercise", "fr": "Exercice militaire", "ar": "مناورة عسكرية"},
    "arms_transfer": {"en": "Arms transfer", "fr": "Transfert d'armes", "ar": "نقل أسلحة"},
    "military_aid": {"en": "Military aid", "fr": "Aide militaire", "ar": "مساعدة عسكرية"},
    "counter_terrorism": {"en": "Counter-terrorism", "fr": "Antiterrorisme", "ar": "مكافحة الإرهاب"},
    "statement": {"en": "Statement", "fr": "Déclaration", "ar": "تصريح"},
    "other": {"en": "Other", "fr": "Autre", "ar": "أخرى"},
}

STATUS_LABELS: dict[str, dict[str, str]] = {
    "happened": {"en": "happened", "fr": "a eu lieu", "ar": "وقع"},
    "planned": {"en": "planned", "fr": "prévu", "ar": "مرتقب"},
    "cancelled": {"en": "cancelled", "fr": "annulé", "ar": "ألغي"},
}

ARTICLE_LANGUAGE_LABELS: dict[str, dict[str, str]] = {
    "ar": {"en": "Arabic", "fr": "arabe", "ar": "العربية"},
    "fr": {"en": "French", "fr": "français", "ar": "الفرنسية"},
    "en": {"en": "English", "fr": "anglais", "ar": "الإنجليزية"},
    "other": {"en": "Other", "fr": "autre", "ar": "أخرى"},
}


def normalise_lang(lang: str | None) -> str:
    return lang if lang in LANGUAGES else "en"


def t(lang: str, key: str, **values: object) -> str:
    """The interface text `key` in `lang` (English if missing), with `{placeholders}` filled."""
    entry = _STRINGS[key]
    text = entry.get(normalise_lang(lang)) or entry["en"]
    return text.format(**values) if values else text


def label(table: dict[str, dict[str, str]], value: str, lang: str) -> str:
    """A value's label from one of the tables above; the value itself if it has none."""
    entry = table.get(value)
    return (entry.get(normalise_lang(lang)) or entry["en"]) if entry else value


def event_type_label(value: str, lang: str) -> str:
    return label(EVENT_TYPE_LABELS, value, lang)


def is_rtl(lang: str) -> bool:
    return lang in RTL


def keys() -> frozenset[str]:
    return frozenset(_STRINGS)


def languages_of(key: str) -> frozenset[str]:
    return frozenset(_STRINGS[key])
