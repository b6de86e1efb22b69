"""Interface text in English, French and Arabic, in plain words for non-technical readers."""
from __future__ import annotations

from .plurals import format_number, format_partial_date, plural_text

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
                       "Hollow rings = the article names only a country or a region, not a city. "
                       "Click a circle to filter.",
                 "fr": "Taille du cercle = nombre d'événements. Couleur = type le plus fréquent. "
                       "Anneaux = l'article ne cite qu'un pays ou une région, pas une ville. "
                       "Cliquez un cercle pour filtrer.",
                 "ar": "حجم الدائرة = عدد الأحداث. اللون = النوع الأكثر تكرارا. الحلقات = المقال يذكر بلدا أو "
                       "منطقة فقط وليس مدينة. انقر على دائرة للتصفية."},
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
    # -- map and evidence
    "tt_counts": {"en": "Events: {events} · Articles: {articles}",
                  "fr": "Événements : {events} · Articles : {articles}",
                  "ar": "الأحداث: {events} · المقالات: {articles}"},
    "tt_events_total": {"en": "Events: {events}", "fr": "Événements : {events}", "ar": "الأحداث: {events}"},
    "tt_link_n": {"en": "Events involving both: {n}", "fr": "Événements impliquant les deux : {n}",
                  "ar": "أحداث تشمل الطرفين: {n}"},
    "tt_region": {"en": "Region, made of: {countries}", "fr": "Région, qui comprend : {countries}",
                  "ar": "منطقة تضم: {countries}"},
    "tt_region_plain": {"en": "Region named in the news", "fr": "Région citée dans la presse",
                        "ar": "منطقة مذكورة في الأخبار"},
    "tt_latest": {"en": "Latest headlines:", "fr": "Derniers titres :", "ar": "آخر العناوين:"},
    "tt_group": {"en": "Places close together: {n}. Click to see them apart.",
                 "fr": "Lieux proches les uns des autres : {n}. Cliquez pour les séparer.",
                 "ar": "أماكن متقاربة: {n}. انقر لعرضها منفصلة."},
    "group_label": {"en": "{name} +{n}", "fr": "{name} +{n}", "ar": "{name} +{n}"},
    "region_label": {"en": "{name} (region)", "fr": "{name} (région)", "ar": "منطقة {name}"},
    "lg_region": {"en": "region (the countries it covers)", "fr": "région (les pays qu'elle couvre)",
                  "ar": "منطقة (الدول التي تشملها)"},
    "map_help_short": {"en": "Circle size = number of events; colour = most frequent type; ring = only the country "
                             "is named; purple = a region. Click a circle to filter, a group (“+2”) to see it apart.",
                       "fr": "Taille = nombre d'événements ; couleur = type le plus fréquent ; anneau = seul le pays "
                             "est cité ; violet = une région. Cliquez un cercle pour filtrer, un groupe (« +2 ») "
                             "pour le détailler.",
                       "ar": "الحجم = عدد الأحداث؛ اللون = النوع الأكثر تكرارا؛ الحلقة = ذُكر البلد فقط؛ البنفسجي "
                             "= منطقة. انقر على دائرة للتصفية، وعلى مجموعة («+2») لعرض أماكنها."},
    "unplaced": {"en": "Events in this view that name no place, so are not on the map: {n}.",
                 "fr": "Événements de cette vue qui ne citent aucun lieu, donc absents de la carte : {n}.",
                 "ar": "أحداث في هذا العرض لا تذكر مكانا، فلا تظهر على الخريطة: {n}."},
    "outside_map": {"en": "Also in this view, beyond this map: {items}.",
                    "fr": "Aussi dans cette vue, hors de cette carte : {items}.",
                    "ar": "أيضا في هذا العرض، خارج هذه الخريطة: {items}."},
    "summary": {"en": "In this view", "fr": "Dans cette vue", "ar": "في هذا العرض"},
    "top_places": {"en": "Most reported places", "fr": "Lieux les plus cités", "ar": "الأماكن الأكثر ذكرا"},
    "top_regions": {"en": "Regions", "fr": "Régions", "ar": "المناطق"},
    "top_countries": {"en": "Countries where events took place", "fr": "Pays où les événements ont eu lieu",
                      "ar": "الدول التي وقعت فيها الأحداث"},
    "top_actors": {"en": "Most named actors", "fr": "Acteurs les plus cités", "ar": "الفاعلون الأكثر ذكرا"},
    "top_sources": {"en": "Sources", "fr": "Sources", "ar": "المصادر"},
    "and_more": {"en": "and {n} more", "fr": "et {n} autres", "ar": "و{n} غيرها"},
    "latest_events": {"en": "Latest events: open one to read its evidence",
                      "fr": "Derniers événements : ouvrez-en un pour lire la preuve",
                      "ar": "آخر الأحداث: افتح أحدها لقراءة الدليل"},
    "tab_timeline": {"en": "Timeline", "fr": "Chronologie", "ar": "الخط الزمني"},
    "table_help_dialog": {"en": "Click a row to read its sentence in the article.",
                          "fr": "Cliquez une ligne pour lire sa phrase dans l'article.",
                          "ar": "انقر على سطر لقراءة جملته في المقال."},
    "evidence_title": {"en": "The evidence", "fr": "La preuve", "ar": "الدليل"},
    "evidence_in_article": {"en": "The sentence, highlighted in its article:",
                            "fr": "La phrase, surlignée dans son article :",
                            "ar": "الجملة مظللة في مقالها:"},
    "evidence_missing": {"en": "This event is no longer in the store.",
                         "fr": "Cet événement n'est plus dans la base.",
                         "ar": "هذا الحدث لم يعد في قاعدة البيانات."},
    "sources_n": {"en": "Articles reporting this event: {n}", "fr": "Articles rapportant cet événement : {n}",
                  "ar": "المقالات التي تنقل هذا الحدث: {n}"},
    "no_place": {"en": "no place named", "fr": "aucun lieu cité", "ar": "لا مكان مذكور"},
    "no_date": {"en": "no date", "fr": "sans date", "ar": "بلا تاريخ"},
    "list_sep": {"en": ", ", "fr": ", ", "ar": "، "},
    # -- refresh and collection
    "updated_failed": {"en": "{n} could not be read (see Problems)", "fr": "{n} illisibles (voir Problèmes)",
                       "ar": "تعذرت قراءة {n} (انظر المشكلات)"},
    "updated_at": {"en": "Updated {time}", "fr": "Mis à jour : {time}", "ar": "آخر تحديث {time}"},
    "refresh_starting": {"en": "Updating the news…", "fr": "Mise à jour des nouvelles…", "ar": "تحديث الأخبار…"},
    "refresh_feeds_progress": {"en": "Updating the news: {done} of {total} feeds read…",
                               "fr": "Mise à jour des nouvelles : {done} flux lus sur {total}…",
                               "ar": "تحديث الأخبار: تمت قراءة {done} من {total} موجزات…"},
    "refresh_articles_progress": {"en": "Updating the news: {done} of {total} articles analysed…",
                                  "fr": "Mise à jour des nouvelles : {done} articles analysés sur {total}…",
                                  "ar": "تحديث الأخبار: تم تحليل {done} من {total} مقالات…"},
    "refresh_error": {"en": "The last update stopped ({error}); the page shows the articles stored before.",
                      "fr": "La dernière mise à jour s'est arrêtée ({error}) ; la page montre les articles déjà "
                            "enregistrés.",
                      "ar": "توقف التحديث الأخير ({error})؛ تعرض الصفحة المقالات المحفوظة من قبل."},
    "importing": {"en": "Loading the saved collection of articles…",
                  "fr": "Chargement de la collection d'articles enregistrée…",
                  "ar": "تحميل مجموعة المقالات المحفوظة…"},
    "starting_empty": {"en": "First start: preparing the article store; the news feeds are read next…",
                       "fr": "Premier démarrage : préparation de la base ; les flux d'actualité sont lus ensuite…",
                       "ar": "التشغيل الأول: تجهيز قاعدة المقالات؛ ثم تُقرأ موجزات الأخبار…"},
    "collection_failed": {"en": "The saved collection could not be loaded: {error}",
                          "fr": "La collection enregistrée n'a pas pu être chargée : {error}",
                          "ar": "تعذر تحميل المجموعة المحفوظة: {error}"},
    "text_not_kept": {"en": "The text of this article is no longer kept here: open the original article to read it.",
                      "fr": "Le texte de cet article n'est plus conservé ici : ouvrez l'article original pour le lire.",
                      "ar": "لم يعد نص هذا المقال محفوظا هنا: افتح المقال الأصلي لقراءته."},
    # -- numbers, filters, uploads, exports
    "untitled": {"en": "(untitled)", "fr": "(sans titre)", "ar": "(بلا عنوان)"},
    "h_reported": {"en": "Reported by", "fr": "Rapporté par", "ar": "ورد في"},
    "h_precision": {"en": "Date known to", "fr": "Date connue au", "ar": "دقة التاريخ"},
    "quick_dates": {"en": "Quick dates", "fr": "Dates rapides", "ar": "تواريخ سريعة"},
    "last_7_days": {"en": "Last 7 days", "fr": "7 derniers jours", "ar": "آخر 7 أيام"},
    "last_30_days": {"en": "Last 30 days", "fr": "30 derniers jours", "ar": "آخر 30 يوما"},
    "this_year": {"en": "This year", "fr": "Cette année", "ar": "هذه السنة"},
    "all_dates": {"en": "Everything", "fr": "Tout", "ar": "كل التواريخ"},
    "dates_help": {"en": "Pick the first and last day in the calendar, or type them (year-month-day) and press Enter.",
                   "fr": "Choisissez le premier et le dernier jour dans le calendrier, ou tapez-les "
                         "(année-mois-jour) puis Entrée.",
                   "ar": "اختر اليوم الأول والأخير من التقويم، أو اكتبهما (سنة-شهر-يوم) ثم اضغط Enter."},
    "search_help_names": {"en": "Finds words in titles and texts. A place, country or person also matches its "
                                "names in Arabic, French and English (Algeria, Algérie, الجزائر). Arabic matches "
                                "with or without hamza and vowel marks.",
                          "fr": "Cherche des mots dans les titres et les textes. Un lieu, un pays ou une personne "
                                "est aussi trouvé sous ses noms en arabe, en français et en anglais (Algérie, "
                                "Algeria, الجزائر). L'arabe est trouvé avec ou sans hamza ni voyelles.",
                          "ar": "يبحث عن الكلمات في العناوين والنصوص. يعثر على المكان أو البلد أو الشخص بأسمائه "
                                "بالعربية والفرنسية والإنجليزية (الجزائر، Algérie، Algeria)، مع الهمزة والتشكيل "
                                "أو بدونهما."},
    "timeline_planned": {"en": "Hatched bars: planned events (dated after the article that announces them).",
                         "fr": "Barres hachurées : événements prévus (datés après l'article qui les annonce).",
                         "ar": "الأعمدة المخططة: أحداث مرتقبة (بتاريخ بعد المقال الذي يعلن عنها)."},
    "timeline_spans": {"en": "Pale wide bars: events whose date is known only to the month or the year, drawn "
                             "across that month or year.",
                       "fr": "Barres larges et pâles : événements dont on ne connaît que le mois ou l'année, "
                             "dessinés sur tout ce mois ou cette année.",
                       "ar": "الأعمدة العريضة الباهتة: أحداث لا يعرف منها إلا الشهر أو السنة، مرسومة على الشهر "
                             "أو السنة كلها."},
    "read_button": {"en": "Read the files", "fr": "Lire les fichiers", "ar": "قراءة الملفات"},
    "review_intro": {"en": "Check what was read from each file. Correct the title, the date or the source if "
                           "needed, then add the articles.",
                     "fr": "Vérifiez ce qui a été lu dans chaque fichier. Corrigez le titre, la date ou la "
                           "source si besoin, puis ajoutez les articles.",
                     "ar": "تحقق مما قرئ من كل ملف. صحح العنوان أو التاريخ أو المصدر عند الحاجة، ثم أضف "
                           "المقالات."},
    "h_file": {"en": "File", "fr": "Fichier", "ar": "الملف"},
    "h_beginning": {"en": "Beginning of the text", "fr": "Début du texte", "ar": "بداية النص"},
    "cancel": {"en": "Cancel", "fr": "Annuler", "ar": "إلغاء"},
    "review_nothing": {"en": "No article could be read from these files.",
                       "fr": "Aucun article n'a pu être lu dans ces fichiers.",
                       "ar": "تعذرت قراءة أي مقال من هذه الملفات."},
    "not_read": {"en": "Could not be read", "fr": "N'ont pas pu être lus", "ar": "تعذرت قراءتها"},
    "tt_when": {"en": "When", "fr": "Quand", "ar": "متى"},
    "month_only": {"en": "{when} (the day is not known)", "fr": "{when} (le jour n'est pas connu)",
                   "ar": "{when} (اليوم غير معروف)"},
    "year_only": {"en": "{when} (the month is not known)", "fr": "{when} (le mois n'est pas connu)",
                  "ar": "{when} (الشهر غير معروف)"},
    "week_of": {"en": "{start} to {end}", "fr": "du {start} au {end}", "ar": "من {start} إلى {end}"},
    "planned_mark": {"en": "planned", "fr": "prévu", "ar": "مرتقب"},
    "m_events_help": {"en": "Distinct events: the same event reported by several articles counts once. Beneath: "
                            "how many times the articles in view report them.",
                      "fr": "Événements distincts : un même événement rapporté par plusieurs articles compte une "
                            "fois. En dessous : combien de fois les articles de la vue les rapportent.",
                      "ar": "الأحداث المتمايزة: الحدث الواحد الذي تنقله عدة مقالات يحسب مرة واحدة. وتحته: عدد "
                            "المرات التي تنقلها فيها مقالات هذا العرض."},
    "review_date_help": {"en": "The publication date, e.g. 2024-03-14 or 14/03/2024. Leave it empty if unknown.",
                         "fr": "La date de publication, par exemple 2024-03-14 ou 14/03/2024. Laissez vide si "
                               "elle est inconnue.",
                         "ar": "تاريخ النشر، مثلا 2024-03-14 أو 14/03/2024. اتركه فارغا إن لم يكن معروفا."},
    "review_bad_date": {"en": "Row {row}: “{typed}” is not a date. Write it as 2024-03-14, or leave it empty.",
                        "fr": "Ligne {row} : « {typed} » n'est pas une date. Écrivez-la 2024-03-14, ou laissez "
                              "vide.",
                        "ar": "السطر {row}: «{typed}» ليس تاريخا. اكتبه هكذا 2024-03-14 أو اتركه فارغا."},
    "record_problems": {"en": "Record these problems", "fr": "Enregistrer ces problèmes",
                        "ar": "تسجيل هذه المشكلات"},
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


# Messages that hold a number: one text per CLDR plural form (see plurals.py). English and French
# need "one" and "other" (French "one" covers 0 and 1, and "many" round millions); Arabic has
# "zero", "one", "two", "few" (3-10), "many" (11-99) and "other" (100-102, ...). `{n}` is the number.
_PLURALS: dict[str, dict[str, dict[str, str]]] = {
    "n_events": {
        "en": {"one": "{n} event", "other": "{n} events"},
        "fr": {"one": "{n} événement", "many": "{n} d'événements", "other": "{n} événements"},
        "ar": {"zero": "لا أحداث", "one": "حدث واحد", "two": "حدثان", "few": "{n} أحداث", "many": "{n} حدثا",
               "other": "{n} حدث"}},
    "n_articles": {
        "en": {"one": "{n} article", "other": "{n} articles"},
        "fr": {"one": "{n} article", "many": "{n} d'articles", "other": "{n} articles"},
        "ar": {"zero": "لا مقالات", "one": "مقال واحد", "two": "مقالان", "few": "{n} مقالات", "many": "{n} مقالا",
               "other": "{n} مقال"}},
    "n_reports": {
        "en": {"one": "reported once", "other": "reported {n} times"},
        "fr": {"one": "signalé {n} fois", "other": "signalés {n} fois"},
        "ar": {"zero": "لم يرد أي خبر", "one": "ورد مرة واحدة", "two": "ورد مرتين", "few": "ورد {n} مرات",
               "many": "ورد {n} مرة", "other": "ورد {n} مرة"}},
    "n_sources": {
        "en": {"one": "{n} source", "other": "{n} sources"},
        "fr": {"one": "{n} source", "many": "{n} de sources", "other": "{n} sources"},
        "ar": {"zero": "لا مصادر", "one": "مصدر واحد", "two": "مصدران", "few": "{n} مصادر", "many": "{n} مصدرا",
               "other": "{n} مصدر"}},
    "reported_by": {
        "en": {"one": "reported by {n} source", "other": "reported by {n} sources"},
        "fr": {"one": "rapporté par {n} source", "many": "rapporté par {n} de sources",
               "other": "rapporté par {n} sources"},
        "ar": {"zero": "لم يرد في أي مصدر", "one": "ورد في مصدر واحد", "two": "ورد في مصدرين",
               "few": "ورد في {n} مصادر", "many": "ورد في {n} مصدرا", "other": "ورد في {n} مصدر"}},
    "n_events_both": {
        "en": {"one": "{n} event involving both", "other": "{n} events involving both"},
        "fr": {"one": "{n} événement impliquant les deux", "other": "{n} événements impliquant les deux"},
        "ar": {"zero": "لا أحداث تشمل الطرفين", "one": "حدث واحد يشمل الطرفين", "two": "حدثان يشملان الطرفين",
               "few": "{n} أحداث تشمل الطرفين", "many": "{n} حدثا يشمل الطرفين", "other": "{n} حدث يشمل الطرفين"}},
    "n_undated": {
        "en": {"one": "{n} event in this view has no date and is not on the timeline.",
               "other": "{n} events in this view have no date and are not on the timeline."},
        "fr": {"one": "{n} événement de cette vue n'a pas de date et ne figure pas sur la chronologie.",
               "other": "{n} événements de cette vue n'ont pas de date et ne figurent pas sur la chronologie."},
        "ar": {"one": "حدث واحد في هذا العرض بلا تاريخ ولا يظهر على الخط الزمني.",
               "two": "حدثان في هذا العرض بلا تاريخ ولا يظهران على الخط الزمني.",
               "few": "{n} أحداث في هذا العرض بلا تاريخ ولا تظهر على الخط الزمني.",
               "many": "{n} حدثا في هذا العرض بلا تاريخ ولا تظهر على الخط الزمني.",
               "other": "{n} حدث في هذا العرض بلا تاريخ ولا تظهر على الخط الزمني."}},
    "n_later": {
        "en": {"one": "{n} planned event dated after {day} is not drawn; choose later dates to see it.",
               "other": "{n} planned events dated after {day} are not drawn; choose later dates to see them."},
        "fr": {"one": "{n} événement prévu après le {day} n'est pas dessiné ; choisissez des dates plus "
                      "lointaines pour le voir.",
               "other": "{n} événements prévus après le {day} ne sont pas dessinés ; choisissez des dates plus "
                        "lointaines pour les voir."},
        "ar": {"one": "حدث مرتقب واحد بعد {day} غير مرسوم؛ اختر تواريخ لاحقة لرؤيته.",
               "two": "حدثان مرتقبان بعد {day} غير مرسومين؛ اختر تواريخ لاحقة لرؤيتهما.",
               "few": "{n} أحداث مرتقبة بعد {day} غير مرسومة؛ اختر تواريخ لاحقة لرؤيتها.",
               "many": "{n} حدثا مرتقبا بعد {day} غير مرسومة؛ اختر تواريخ لاحقة لرؤيتها.",
               "other": "{n} حدث مرتقب بعد {day} غير مرسومة؛ اختر تواريخ لاحقة لرؤيتها."}},
    "n_new_articles": {
        "en": {"one": "{n} new article", "other": "{n} new articles"},
        "fr": {"one": "{n} nouvel article", "many": "{n} de nouveaux articles", "other": "{n} nouveaux articles"},
        "ar": {"zero": "لا مقالات جديدة", "one": "مقال جديد واحد", "two": "مقالان جديدان",
               "few": "{n} مقالات جديدة", "many": "{n} مقالا جديدا", "other": "{n} مقال جديد"}},
    "n_present": {
        "en": {"other": "{n} already there"},
        "fr": {"one": "{n} déjà présent", "other": "{n} déjà présents"},
        "ar": {"zero": "لا مقال موجود مسبقا", "one": "مقال واحد موجود مسبقا", "two": "مقالان موجودان مسبقا",
               "few": "{n} مقالات موجودة مسبقا", "many": "{n} مقالا موجودا مسبقا", "other": "{n} مقال موجود مسبقا"}},
    "n_unreadable": {
        "en": {"other": "{n} could not be read"},
        "fr": {"one": "{n} illisible", "other": "{n} illisibles"},
        "ar": {"zero": "لا عناصر تعذرت قراءتها", "one": "عنصر واحد تعذرت قراءته", "two": "عنصران تعذرت قراءتهما",
               "few": "{n} عناصر تعذرت قراءتها", "many": "{n} عنصرا تعذرت قراءتها", "other": "{n} عنصر تعذرت قراءته"}},
    "n_working": {
        "en": {"one": "Reading and analysing {n} article…", "other": "Reading and analysing {n} articles…"},
        "fr": {"one": "Lecture et analyse de {n} article…", "other": "Lecture et analyse de {n} articles…"},
        "ar": {"one": "قراءة وتحليل مقال واحد…", "two": "قراءة وتحليل مقالين…", "few": "قراءة وتحليل {n} مقالات…",
               "many": "قراءة وتحليل {n} مقالا…", "other": "قراءة وتحليل {n} مقال…"}},
    "n_add": {
        "en": {"one": "Add {n} article to the dashboard", "other": "Add {n} articles to the dashboard"},
        "fr": {"one": "Ajouter {n} article au tableau de bord", "other": "Ajouter {n} articles au tableau de bord"},
        "ar": {"one": "إضافة مقال واحد إلى اللوحة", "two": "إضافة مقالين إلى اللوحة",
               "few": "إضافة {n} مقالات إلى اللوحة", "many": "إضافة {n} مقالا إلى اللوحة",
               "other": "إضافة {n} مقال إلى اللوحة"}},
    "too_many_files": {
        "en": {"one": "At most {n} file at a time: only the first is added.",
               "other": "At most {n} files at a time: only the first {n} are added."},
        "fr": {"one": "{n} fichier au plus à la fois : seul le premier est ajouté.",
               "other": "{n} fichiers au plus à la fois : seuls les {n} premiers sont ajoutés."},
        "ar": {"one": "ملف واحد كحد أقصى في كل مرة: يضاف الأول فقط.",
               "two": "ملفان كحد أقصى في كل مرة: يضاف الأولان فقط.",
               "few": "{n} ملفات كحد أقصى في كل مرة: تضاف الأولى فقط.",
               "many": "{n} ملفا كحد أقصى في كل مرة: تضاف الأولى فقط.",
               "other": "{n} ملف كحد أقصى في كل مرة: تضاف الأولى فقط."}},
    "table_more": {
        "en": {"one": "Showing the first event; downloads contain the whole view.",
               "other": "Showing the first {n} events; downloads contain the whole view."},
        "fr": {"one": "Le premier événement est affiché ; les téléchargements contiennent toute la vue.",
               "other": "Les {n} premiers événements sont affichés ; les téléchargements contiennent toute la vue."},
        "ar": {"one": "يظهر أول حدث فقط؛ والتنزيل يشمل العرض كاملا.",
               "two": "يظهر أول حدثين؛ والتنزيل يشمل العرض كاملا.",
               "few": "تظهر أول {n} أحداث؛ والتنزيل يشمل العرض كاملا.",
               "many": "يظهر أول {n} حدثا؛ والتنزيل يشمل العرض كاملا.",
               "other": "يظهر أول {n} حدث؛ والتنزيل يشمل العرض كاملا."}},
}

_LIST_SEPARATOR = {"en": ", ", "fr": ", ", "ar": "، "}


def normalise_lang(lang: str | None) -> str:
    return lang if lang in LANGUAGES else "en"


def t(lang: str, key: str, **values: object) -> str:
    """The interface text `key` in `lang` (English if missing), with `{placeholders}` filled."""
    entry = _STRINGS[key]
    text = entry.get(normalise_lang(lang)) or entry["en"]
    return text.format(**values) if values else text


def tn(lang: str, key: str, n: int, **values: object) -> str:
    """The message `key` for the number `n` in `lang`, in the plural form CLDR gives `n` there
    ("1 event", "2 events"; "حدث واحد", "حدثان", "3 أحداث", "11 حدثا", "100 حدث")."""
    forms = _PLURALS[key]
    return plural_text(forms.get(normalise_lang(lang)) or forms["en"], n, normalise_lang(lang), **values)


def number(lang: str, n: int | float) -> str:
    """`n` with the interface language's digit grouping (12,345 / 12 345)."""
    return format_number(n, normalise_lang(lang))


def event_date(lang: str, value: str | None) -> str:
    """A stored event date (YYYY-MM-DD, YYYY-MM, YYYY) in words: 2 October 2020, octobre 2020, 2020."""
    return format_partial_date(value, normalise_lang(lang))


def listing(lang: str, parts: list[str]) -> str:
    """Parts joined as the language lists them ("a, b" / "أ، ب")."""
    return _LIST_SEPARATOR.get(normalise_lang(lang), ", ").join(parts)


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
    return frozenset(_STRINGS[key] if key in _STRINGS else _PLURALS[key])


def plural_keys() -> frozenset[str]:
    return frozenset(_PLURALS)


def plural_forms_of(key: str, lang: str) -> frozenset[str]:
    return frozenset(_PLURALS[key][lang])
