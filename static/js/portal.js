// Elderly mode (长者模式): remembered in a cookie for a year, switchable from every page.
(function () {
  function setCookie(name, value) {
    document.cookie = name + "=" + value + ";path=/;max-age=31536000;samesite=lax";
  }
  document.querySelectorAll("[data-toggle-elder]").forEach(function (button) {
    var root = document.documentElement;
    button.setAttribute("aria-pressed", root.classList.contains("elder-mode") ? "true" : "false");
    button.addEventListener("click", function () {
      var on = root.classList.toggle("elder-mode");
      setCookie("elder_mode", on ? "1" : "0");
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  });
})();
