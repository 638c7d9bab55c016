// Small browser-side helpers of the Com 1 Control Panel. Both cookies only hold a display preference.
(function () {
    var year = 60 * 60 * 24 * 365;

    // The visitor's time zone, so server-rendered times are shown in local time from the first paint.
    try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone) {
            document.cookie = "com1-tz=" + encodeURIComponent(zone) + "; path=/; max-age=" + year + "; samesite=lax";
        }
    } catch (e) { /* very old browser: times stay in UTC */ }

    window.com1Theme = {
        // Remembers the chosen colour theme, so the first (server-rendered) paint of every page matches it.
        remember: function (mode) {
            document.cookie = "com1-theme=" + (mode === "dark" ? "dark" : "light") + "; path=/; max-age=" + year + "; samesite=lax";
        }
    };
})();
