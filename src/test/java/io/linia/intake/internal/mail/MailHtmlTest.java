package io.linia.intake.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailHtmlTest {

    @Test
    void scriptsAndEventHandlersAreRemoved() {
        String html = MailHtml.sanitise("<p onclick=\"steal()\">Текст</p><script>alert(1)</script>"
                + "<img src=x onerror=alert(1)><svg onload=alert(1)><circle/></svg>");
        assertThat(html).contains("<p>Текст</p>")
                .doesNotContain("script").doesNotContain("alert").doesNotContain("onerror")
                .doesNotContain("onload").doesNotContain("onclick").doesNotContain("svg");
    }

    @Test
    void dangerousLinksLoseTheirHref() {
        String html = MailHtml.sanitise("<a href=\"javascript:alert(1)\">x</a><a href=\"vbscript:msgbox\">y</a>"
                + "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">z</a>");
        assertThat(html).doesNotContain("javascript").doesNotContain("vbscript").doesNotContain("data:")
                .doesNotContain("href");
    }

    @Test
    void framesObjectsAndFormsAreDropped() {
        String html = MailHtml.sanitise("<iframe src=\"http://evil\"></iframe><object data=\"x\"></object>"
                + "<embed src=\"x\"><form action=\"http://evil\"><input name=p></form><style>body{}</style>ok");
        assertThat(html).isEqualTo("ok");
    }

    @Test
    void safeLinksOpenInANewTabWithoutReferrer() {
        String html = MailHtml.sanitise("<a href=\"https://linia.example/kb/1\" target=\"_self\" rel=\"opener\">статья</a>"
                + "<a href=\"mailto:a@b.ru\">почта</a>");
        assertThat(html).contains("href=\"https://linia.example/kb/1\"")
                .contains("rel=\"nofollow noopener noreferrer\"").contains("target=\"_blank\"")
                .doesNotContain("_self").doesNotContain("\"opener\"")
                .contains("href=\"mailto:a&#64;b.ru\"");
    }

    @Test
    void remoteImagesDoNotLoadUntilClicked() {
        String html = MailHtml.sanitise("<img src=\"http://tracker.example/x.gif\" width=\"1\" height=\"1\">");
        assertThat(html).contains("data-remote-src=\"http://tracker.example/x.gif\"")
                .doesNotContain(" src=");
    }

    @Test
    void cidAndDataImagesAreKept() {
        assertThat(MailHtml.sanitise("<img src=\"cid:image001\" alt=\"logo\">")).contains("src=\"cid:image001\"");
        assertThat(MailHtml.sanitise("<img src=\"data:image/png;base64,iVBORw0KGgo=\">"))
                .contains("src=\"data:image/png;base64,iVBORw0KGgo&#61;\"");
        assertThat(MailHtml.sanitise("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">")).doesNotContain("src=");
    }

    @Test
    void backgroundImagesAreDroppedButColoursKept() {
        String html = MailHtml.sanitise("<p style=\"background:url(http://tracker.example/b.png);color:red\">x</p>"
                + "<td background=\"http://tracker.example/c.png\">y</td>"
                + "<span style=\"background-image:url('http://t.example/d.png')\">z</span>");
        assertThat(html).doesNotContain("url").doesNotContain("tracker").doesNotContain("t.example")
                .contains("color:red");
    }

    @Test
    void formattingSurvives() {
        String html = MailHtml.sanitise("<div><b>жирный</b> <i>курсив</i> <u>подчёркнутый</u></div>"
                + "<table border=\"1\"><tr><td colspan=\"2\">ячейка</td></tr></table>"
                + "<blockquote>цитата</blockquote><pre>код</pre><h2>Заголовок</h2><hr>"
                + "<font color=\"#ff0000\" size=\"3\">красный</font><ol><li>пункт</li></ol>");
        assertThat(html).contains("<b>жирный</b>").contains("<i>курсив</i>").contains("<u>подчёркнутый</u>")
                .contains("<td colspan=\"2\">ячейка</td>").contains("<blockquote>цитата</blockquote>")
                .contains("<pre>код</pre>").contains("<h2>Заголовок</h2>").contains("<hr />")
                .contains("<font color=\"#ff0000\" size=\"3\">красный</font>").contains("<li>пункт</li>");
    }

    @Test
    void textOfHtmlHasLineBreaksAndNoTags() {
        assertThat(MailHtml.toText("<html><head><style>p{color:red}</style><title>t</title></head><body>"
                + "<p>Первый&nbsp;абзац,\n  перенос</p><p>Второй<br>строка</p>"
                + "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table><script>x()</script></body></html>"))
                .isEqualTo("Первый абзац, перенос\n\nВторой\nстрока\n\na\tb\nc");
    }
}
