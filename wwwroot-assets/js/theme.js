// Remembers the chosen colour theme for a year, so the first (server-rendered) paint of every page matches it.
window.com1Theme = {
    remember: function (mode) {
        document.cookie = "com1-theme=" + (mode === "dark" ? "dark" : "light") + "; path=/; max-age=31536000; samesite=lax";
    }
};
