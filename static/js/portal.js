// Small enhancements; every control also works without JavaScript (plain links and forms).
(function () {
  "use strict";
  var root = document.documentElement;

  function setCookie(name, value) {
    var secure = location.protocol === "https:" ? ";secure" : "";
    document.cookie = name + "=" + value + ";path=/;max-age=31536000;samesite=lax" + secure;
  }

  // 字号 大/中/小: switch in place instead of a round trip to /preferences/.
  document.querySelectorAll("[data-pref-font]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var value = link.getAttribute("data-pref-font");
      event.preventDefault();
      setCookie("font_size", value);
      root.classList.remove("font-small", "font-medium", "font-large");
      root.classList.add("font-" + value);
      document.querySelectorAll("[data-pref-font]").forEach(function (other) {
        if (other === link) { other.setAttribute("aria-current", "true"); } else { other.removeAttribute("aria-current"); }
      });
    });
  });

  // 打印本页: only offered when a script can print.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
