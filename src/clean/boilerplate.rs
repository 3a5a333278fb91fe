//! Boilerplate and scraper debris: site furniture that is not the article.
//! Each rule is data (a phrase list) with the reason it gives.

/// Phrases that mark a block as a site's social/newsletter/app pitch. A
/// block is removed when it holds at least two of them (one alone may be
/// part of a real sentence).
const SOCIAL_CUES: &[&str] = &[
    "follow us",
    "subscribe to our",
    "newsletter",
    "appstore",
    "app store",
    "googleplay",
    "google play",
    "google news",
    "facebook",
    "twitter",
    "linkedin",
    "youtube",
    "reddit",
    "instagram",
    "telegram channel",
    "share this",
    "sign up",
];

/// Why a whole block is boilerplate, or `None` when it is article text.
pub fn block_reason(block: &str) -> Option<&'static str> {
    let lower = block.to_lowercase();
    let hits = SOCIAL_CUES.iter().filter(|c| lower.contains(*c)).count();
    (hits >= 2).then_some("boilerplate: social/newsletter footer")
}

/// Debris a scraper glues to the start of the first paragraph after the
/// dateline: a currency-conversion note such as `($1=558.00 XOF)`.
pub fn strip_leading_debris(text: &str) -> &str {
    if let Some(rest) = text.strip_prefix('(')
        && let Some(close) = rest.find(')')
        && is_currency_note(&rest[..close])
    {
        return &rest[close + 1..];
    }
    text
}

/// `$1=558.00 XOF`, `€1 = 1.08 USD`: an exchange-rate note.
fn is_currency_note(s: &str) -> bool {
    let s = s.trim();
    s.contains('=')
        && s.chars().any(|c| c.is_ascii_digit())
        && s.chars().any(|c| matches!(c, '$' | '€' | '£' | '¥'))
        && s.len() < 40
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn social_footer_is_boilerplate() {
        assert!(block_reason("Follow us on Twitter and Facebook for more news.").is_some());
    }

    #[test]
    fn one_mention_of_a_network_is_article_text() {
        assert!(block_reason("The minister wrote on Twitter that talks had failed.").is_none());
    }

    #[test]
    fn currency_note_is_stripped() {
        assert_eq!(
            strip_leading_debris("($1=0.92 EUR)The bank said"),
            "The bank said"
        );
        assert_eq!(strip_leading_debris("(AP) The bank"), "(AP) The bank");
    }
}
