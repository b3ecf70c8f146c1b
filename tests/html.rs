//! The HTML review page: every sentence is on it with its id, and every
//! value from the input is escaped, including in the embedded JSON.

use beatwriter::output::html;
use beatwriter::output::provenance::{ReportView, view};
use beatwriter::{Options, input, write_report};

const FIXTURE: &str = "fixtures/eng-fra-2022-wc-qf.json";

/// Loads, writes and renders a match given as JSON text.
fn render(name: &str, text: &str) -> (ReportView, String) {
    let m = input::load_str(name, text).unwrap_or_else(|e| panic!("{e}"));
    let report = write_report(&m, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let view = view(&report, &m, name);
    let page = html::page(&view);
    (view, page)
}

/// The text inside `<script type="application/json" id="provenance-data">`.
fn data_block(page: &str) -> &str {
    let open = "<script type=\"application/json\" id=\"provenance-data\">";
    let start = page
        .find(open)
        .expect("the page has a provenance-data block")
        + open.len();
    let end = start
        + page[start..]
            .find("</script>")
            .expect("the block is closed");
    &page[start..end]
}

/// How many times `needle` occurs in `page`, ignoring ASCII case.
fn count_ci(page: &str, needle: &str) -> usize {
    page.to_ascii_lowercase()
        .matches(&needle.to_ascii_lowercase())
        .count()
}

#[test]
fn england_france_page_has_every_sentence_with_its_id() {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let (view, page) = render(FIXTURE, &text);

    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.trim_end().ends_with("</html>"));
    assert!(page.contains("<h1>England 1-2 France</h1>"));
    assert!(page.contains("id=\"provenance\""));
    for heading in [
        "Talking Point",
        "Player Ratings",
        "Match Highlights",
        "Key Stats",
    ] {
        assert!(page.contains(&format!("<h2>{heading}</h2>")), "{heading}");
    }

    let mut n = 0;
    for section in &view.sections {
        for paragraph in &section.paragraphs {
            for s in paragraph {
                n += 1;
                assert_eq!(s.id, format!("s{n}"));
                let span = format!(
                    "<span class=\"sentence\" data-sentence=\"{}\" tabindex=\"0\">{}</span>",
                    s.id,
                    html::escape(&s.text)
                );
                assert!(page.contains(&span), "missing {span}");
            }
        }
    }
    assert!(n > 20, "only {n} sentences");
    assert_eq!(page.matches("class=\"sentence\"").count(), n);

    // Header: source, tone, seed, phrasebank version and the command.
    assert!(page.contains(FIXTURE));
    assert!(page.contains("<dd>neutral</dd>"));
    assert!(page.contains("<dd>2022</dd>"));
    assert!(page.contains(&view.options.phrasebank_version));
    assert!(page.contains(&format!(
        "beatwriter report {FIXTURE} --seed 2022 --tone neutral"
    )));

    // Every beat is listed once; the left-out ones are marked.
    for beat in &view.beats {
        let class = if beat.used { "beat" } else { "beat left-out" };
        let button = format!("class=\"{class}\" data-beat=\"{}\"", beat.id);
        assert_eq!(page.matches(&button).count(), 1, "{button}");
    }
    assert!(!view.left_out.is_empty());
    assert_eq!(
        page.matches("<span class=\"tag\">left out</span>").count(),
        view.left_out.len()
    );
    assert_eq!(
        page.matches("class=\"beat left-out\"").count(),
        view.left_out.len()
    );

    // Self-contained: nothing is fetched.
    for external in ["http://", "https://", "src=", "href=", "@import", "url("] {
        assert!(!page.contains(external), "page refers to {external}");
    }

    // The embedded data reads back as the same view.
    let data: serde_json::Value = serde_json::from_str(data_block(&page)).unwrap();
    assert_eq!(data, serde_json::to_value(&view).unwrap());
}

#[test]
fn values_from_the_input_are_escaped() {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let rename = |json: &mut serde_json::Value, id: &str, to: &str| {
        let mut found = false;
        for side in ["home", "away"] {
            for player in json["teams"][side]["squad"].as_array_mut().unwrap() {
                if player["id"] == id {
                    for field in ["name", "display", "surname"] {
                        player[field] = serde_json::Value::from(to);
                    }
                    found = true;
                }
            }
        }
        assert!(found, "no player {id}");
    };
    rename(&mut json, "eng-kane", "<script>alert(1)</script>");
    rename(&mut json, "fra-giroud", "O'Neil \"Jr\" & Sons");
    rename(&mut json, "fra-mbappe", "Mbappé Lottin");
    json["teams"]["away"]["name"] = serde_json::Value::from("Côte <b>d'Ivoire</b>");
    let text = serde_json::to_string_pretty(&json).unwrap();
    let (view, page) = render("hostile <names>.json", &text);

    // The report really does use the names, so the page is tested on them.
    let all_text: String = view
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .flatten()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    for used in [
        "<script>alert(1)</script>",
        "O'Neil \"Jr\" & Sons",
        "Mbappé Lottin",
        "Côte <b>d'Ivoire</b>",
    ] {
        assert!(all_text.contains(used), "the report does not use {used}");
    }

    assert!(!page.contains("<script>alert(1)</script>"));
    assert!(!page.contains("alert(1)</script>"));
    assert!(!page.contains("<b>d'Ivoire</b>"));
    let markup = page.replace(data_block(&page), "");
    assert!(!markup.contains("<b>"));
    assert!(!markup.contains("d'Ivoire"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("O&#39;Neil &quot;Jr&quot; &amp; Sons"));
    assert!(page.contains("Côte &lt;b&gt;d&#39;Ivoire&lt;/b&gt;"));
    assert!(page.contains("Mbappé Lottin"));
    assert!(page.contains("<h1>England 1-2 Côte &lt;b&gt;d&#39;Ivoire&lt;/b&gt;</h1>"));
    assert!(page.contains("<code>hostile &lt;names&gt;.json</code>"));

    // The page writes exactly two script elements (the JSON data and the
    // script that reads it); nothing from the input opens or closes one.
    assert_eq!(count_ci(&page, "<script"), 2);
    assert_eq!(count_ci(&page, "</script"), 2);

    let data = data_block(&page);
    assert!(!data.to_ascii_lowercase().contains("</script"));
    assert!(!data.contains("</"));
    assert!(!data.contains("<!--"));
    assert!(data.contains(r"\u003cscript>alert(1)<\/script>"));
    let parsed: serde_json::Value = serde_json::from_str(data).unwrap();
    assert_eq!(parsed, serde_json::to_value(&view).unwrap());
    assert!(parsed.to_string().contains("Côte <b>d'Ivoire</b>"));
}

#[test]
fn escape_covers_the_five_characters() {
    assert_eq!(
        html::escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
    );
    assert_eq!(html::escape("Mbappé – 90+5'"), "Mbappé – 90+5&#39;");
    assert_eq!(html::escape(""), "");
}

#[test]
fn json_data_cannot_close_or_comment_out_the_script() {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["teams"]["home"]["name"] = serde_json::Value::from("Eng<!--land</SCRIPT >");
    let text = serde_json::to_string(&json).unwrap();
    let (view, page) = render("x.json", &text);
    let data = data_block(&page);
    assert!(!data.contains("<!--"));
    assert!(!data.to_ascii_lowercase().contains("</script"));
    assert_eq!(count_ci(&page, "<script"), 2);
    assert_eq!(count_ci(&page, "</script"), 2);
    let parsed: serde_json::Value = serde_json::from_str(data).unwrap();
    assert_eq!(parsed, serde_json::to_value(&view).unwrap());
}
