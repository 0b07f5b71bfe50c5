// The web view's one stylesheet, served from /web.css (the CSP allows styles
// from this server only, none inline). Our own small sheet in the spirit of
// DKFDS and the GOV.UK Design System rather than their compiled CSS: no npm
// step in the build, nothing to keep patched, and these few pages need only
// type, tables, forms and a visible focus. Colours meet WCAG 2.1 AA: body
// text #1a1a1a and links #004993 on white, and every status chip's text on
// its background is at least 4.5:1. Laid out for 1366x768 and tablets; wide
// tables scroll inside their own box rather than widening the page.
#include "sync/server/web/web_view.hpp"

namespace ft::server::web {

const char* const kStyleSheet = R"css(
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; font-family: "Noto Sans", "IBM Plex Sans", Arial, sans-serif; font-size: 1rem; line-height: 1.5;
  color: #1a1a1a; background: #fff; }
.wrap { max-width: 76rem; margin: 0 auto; padding: 0 1.25rem; }
a { color: #004993; text-decoration: underline; text-underline-offset: 0.15em; }
a:visited { color: #4c2c92; }
a:focus, button:focus, input:focus, [tabindex]:focus { outline: 3px solid #ffbf47; outline-offset: 0; background: #ffbf47;
  color: #0b0c0c; }
input:focus { background: #fff; box-shadow: inset 0 0 0 2px #0b0c0c; }
.skip { position: absolute; left: -999rem; }
.skip:focus { left: 0.5rem; top: 0.5rem; padding: 0.5rem; z-index: 10; }
header.top { background: #1a1a1a; color: #fff; border-bottom: 0.5rem solid #004993; }
header.top .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1.5rem;
  padding-top: 0.75rem; padding-bottom: 0.75rem; }
header.top a.brand { color: #fff; font-weight: 700; font-size: 1.125rem; text-decoration: none; }
header.top .who { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
header.top form { margin: 0; }
header.top button { background: #fff; color: #1a1a1a; }
header.top button.link { background: none; color: #fff; border: 0; text-decoration: underline; padding: 0.25rem; min-height: 2.75rem; }
main { padding-top: 1rem; padding-bottom: 3rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 1.25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.5rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.1875rem; margin: 1.5rem 0 0.5rem; }
.back { margin: 0; }
.muted { color: #505a5f; }
ul.facts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; font-size: 1.1875rem; font-weight: 700; }
ul.in-today { columns: 14rem; padding-left: 1.25rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1.5rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.75rem 0.5rem 0; border-bottom: 1px solid #b1b4b6;
  overflow-wrap: break-word; }
thead th { font-weight: 700; border-bottom: 2px solid #1a1a1a; }
table.trainees th[scope=row] { min-width: 9rem; }
table.trainees td.num { white-space: nowrap; }
table.trainees td:last-child { min-width: 16rem; }
ul.reasons { margin: 0; padding-left: 1.1rem; }
.light { display: inline-block; padding: 0.1rem 0.5rem; font-weight: 700; border-radius: 0.2rem; white-space: nowrap; }
.light-red { background: #b51d09; color: #fff; }
.light-amber { background: #ffdd57; color: #1a1a1a; }
.light-green { background: #00703c; color: #fff; }
.light-grey { background: #505a5f; color: #fff; }
.ok { color: #00703c; font-weight: 700; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
ul.centres { font-size: 1.1875rem; }
ul.centres li { margin-bottom: 0.5rem; }
ul.notes { padding-left: 1.25rem; }
ul.notes li { margin-bottom: 0.5rem; overflow-wrap: anywhere; }
form.login { max-width: 24rem; }
label { display: block; font-weight: 700; margin: 1rem 0 0.25rem; }
input { display: block; width: 100%; font: inherit; padding: 0.4rem; border: 2px solid #0b0c0c; min-height: 2.75rem; }
button { font: inherit; font-weight: 700; padding: 0.5rem 1rem; min-height: 2.75rem; border: 2px solid #1a1a1a;
  background: #00703c; color: #fff; cursor: pointer; }
form.login button { margin-top: 1.5rem; }
form.approval { max-width: 40rem; }
form.approval fieldset { border: 0; padding: 0; margin: 0; }
form.approval legend { font-weight: 700; padding: 0; }
form.approval legend + p { margin: 0.25rem 0 0.5rem; }
form.approval .radio { display: flex; align-items: flex-start; gap: 0.75rem; margin: 0.5rem 0; }
form.approval .radio input { width: 1.75rem; height: 1.75rem; min-height: 0; margin: 0; flex: none; }
form.approval .radio label { font-weight: 400; margin: 0; }
form.approval input[type=number] { width: 8rem; }
form.approval textarea { display: block; width: 100%; font: inherit; padding: 0.4rem; border: 2px solid #0b0c0c; }
form.approval textarea:focus { outline: 3px solid #ffbf47; box-shadow: inset 0 0 0 2px #0b0c0c; }
form.approval button { margin-top: 1.5rem; }
.error-summary { border: 5px solid #b51d09; padding: 1rem; margin-bottom: 1.5rem; max-width: 40rem; }
.error-summary h2 { margin-top: 0; font-size: 1.3rem; }
.notice { border-left: 5px solid #004993; padding: 0.5rem 1rem; background: #f3f2f1; max-width: 40rem; }
@media (max-width: 50rem) { h1 { font-size: 1.6rem; } th, td { padding-right: 0.5rem; } }
/* A tablet (820 px wide): the reasons column is the point of the centre page, so the
   table gives up width elsewhere and keeps it on screen rather than scrolled off. */
@media (max-width: 64rem) {
  table.trainees { font-size: 0.9375rem; }
  table.trainees th[scope=row] { min-width: 6rem; }
  table.trainees td:last-child { min-width: 10rem; }
  table.trainees .light { white-space: normal; }
}
svg.chart { display: block; width: 100%; max-width: 48rem; height: auto; margin: 0.5rem 0 1rem; }
ul.actions { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; list-style: none; padding: 0; }
table.absences form { margin: 0; }
form.filter { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0 1rem; margin-bottom: 1rem; }
form.filter input { width: 16rem; }
table.log td.num { white-space: nowrap; }
)css";

}  // namespace ft::server::web
