// Small browser-side helpers of the Com 1 Control Panel. Its cookies only hold display preferences.
(function () {
    var year = 60 * 60 * 24 * 365;

    // The visitor's time zone, so server-rendered times are shown in local time from the first paint.
    try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone) {
            document.cookie = "com1-tz=" + encodeURIComponent(zone) + "; path=/; max-age=" + year + "; samesite=lax";
        }
    } catch (e) { /* very old browser: times stay in UTC */ }

    function devicePrefersDark() {
        return !!(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
    }

    // The page's theme is html[data-theme]; both palettes are in the page (PanelProviders), so switching is immediate.
    function show(mode) {
        document.documentElement.setAttribute("data-theme", mode === "dark" ? "dark" : "light");
    }

    // Until the visitor chooses a theme, the page follows the device, and its preference is noted for browsers that do
    // not send it as a client hint, so the next server-rendered page paints in it first time.
    if (!/(?:^|;\s*)com1-theme=/.test(document.cookie)) {
        var device = devicePrefersDark() ? "dark" : "light";
        document.cookie = "com1-scheme=" + device + "; path=/; max-age=" + year + "; samesite=lax";
        show(device);
    }

    // The theme switch (ThemeToggle) is a form per theme, so it works without scripts; here it switches in place instead,
    // without a reload that would lose what was typed, and remembers the choice for the server-rendered first paint.
    document.addEventListener("submit", function (event) {
        var form = event.target instanceof Element ? event.target.closest("form[data-theme-switch]") : null;
        if (!form) {
            return;
        }
        event.preventDefault();
        event.stopPropagation();
        var mode = form.getAttribute("data-theme-switch") === "dark" ? "dark" : "light";
        document.cookie = "com1-theme=" + mode + "; path=/; max-age=" + year + "; samesite=lax";
        show(mode);
        // The pressed switch hides with the old theme: the focus moves to the one that takes the place of it.
        var other = document.querySelector("form[data-theme-switch='" + (mode === "dark" ? "light" : "dark") + "'] button");
        if (other) {
            other.focus();
        }
    }, true);

    // "Skip to content" puts the focus on the main content. Followed as a link, "#content" would lead to the dashboard
    // (the page's <base> is the site's root) or be taken by Blazor's navigation, so it is handled before either sees it.
    document.addEventListener("click", function (event) {
        var link = event.target instanceof Element ? event.target.closest("a.skip-link") : null;
        var main = link && document.getElementById(link.getAttribute("href").slice(1));
        if (main) {
            event.preventDefault();
            event.stopPropagation();
            main.focus();
        }
    }, true);

    // Escape closes the menu drawer that covers the page on narrow screens, as its button does, and leaves the focus on the
    // button (MainLayout). Handled here, so keys pressed in the menu do not each make a trip to the server.
    document.addEventListener("keydown", function (event) {
        var button = document.getElementById("menu-button");
        if (event.key === "Escape" && button && button.offsetParent !== null && button.getAttribute("aria-expanded") === "true") {
            button.click();
            button.focus();
        }
    });

    function focusFirst(root, selector) {
        var element = root && root.querySelector(selector);
        if (element && element.getAttribute("role") === "radiogroup") {
            element = element.querySelector("input:not([disabled])");
        }
        if (!element) {
            return false;
        }
        element.focus();
        return document.activeElement === element;
    }

    window.com1Focus = {
        // Focus on the first link or button inside an element that has just appeared (tried again once it has painted).
        into: function (id) {
            var selector = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden])";
            if (!focusFirst(document.getElementById(id), selector)) {
                requestAnimationFrame(function () { focusFirst(document.getElementById(id), selector); });
            }
        },
        // A form sent with mistakes: focus on the first field whose message says what to change.
        firstError: function (id) {
            var form = document.getElementById(id);
            if (focusFirst(form, "[aria-invalid='true'], .mud-input-error :is(input:not([type=hidden]), textarea)")) {
                document.activeElement.scrollIntoView({ block: "center" });
            }
        }
    };
})();
