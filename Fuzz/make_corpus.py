#!/usr/bin/env python3
"""Writes the seed corpora under Fuzz/corpus/<target>/ (committed; rerun after Vectors change).

FuzzRequest: every request in Vectors/ (and each loan again with "includeSchedule": true),
the other request kinds, and hand-made hostile inputs: deep nesting, long strings, huge
exponents and digit counts, invalid UTF-8, NUL bytes, duplicate keys, limits ± 1.
FuzzDecimal: plain decimals and near-misses. FuzzCABI: the three surfaces' input layouts.
FuzzADF: the sample ADF files, every ADF text in Vectors/, and hostile XML: billion laughs,
external entities, deep nesting, invalid UTF-8, NUL bytes, bad character references,
unterminated constructs, many attributes, long text.
"""
import base64
import glob, hashlib, json, os

ROOT = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(ROOT, "corpus")


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    os.makedirs(os.path.join(CORPUS, target), exist_ok=True)
    with open(os.path.join(CORPUS, target, name), "wb") as f:
        f.write(data)


def request_corpus():
    seen = set()
    for path in sorted(glob.glob(os.path.join(ROOT, "..", "Vectors", "*", "*.json"))):
        for case in json.load(open(path))["cases"]:
            request = case["request"]
            variants = [request]
            if isinstance(request, dict) and request.get("calculate") == "loan" and "expectError" not in case:
                variants.append(dict(request, includeSchedule=True, explain=True))
            for index, variant in enumerate(variants):
                text = json.dumps(variant, separators=(",", ":"), ensure_ascii=False)
                if text in seen:
                    continue
                seen.add(text)
                write("FuzzRequest", f"vector-{case['id']}{'-schedule' if index else ''}.json", text)
    base = '"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60'
    hostile = {
        "kind-lease": '{"calculate":"lease","sellingPrice":"30000.00"}',
        "kind-tvm": '{"calculate":"tvm"}',
        "kind-apr": '{"calculate":"apr"}',
        "kind-unknown": '{"calculate":"rates"}',
        "kind-number": '{"calculate":7}',
        "not-object": '[1,2,3]',
        "empty": "",
        "whitespace": " \t\r\n",
        "depth-64": "[" * 64 + "]" * 64,
        "depth-65": "[" * 65 + "]" * 65,
        "depth-65-objects": '{"a":' * 65 + "1" + "}" * 65,
        "depth-unclosed": "{\"a\":[" * 200,
        "long-string": '{"calculate":"' + "x" * 60000 + '"}',
        "long-key": '{' + base + ',"' + "k" * 5000 + '":1}',
        "long-decimal": '{"calculate":"loan","sellingPrice":"' + "9" * 2000 + '","apr":"6","term":60}',
        "digits-38": '{"calculate":"loan","sellingPrice":"' + "1" * 38 + '","apr":"6","term":60}',
        "digits-39": '{"calculate":"loan","sellingPrice":"' + "1" * 39 + '","apr":"6","term":60}',
        "scale-38": '{"calculate":"loan","sellingPrice":"1.' + "0" * 37 + '1","apr":"6","term":60}',
        "scale-39": '{"calculate":"loan","sellingPrice":"1.' + "0" * 38 + '1","apr":"6","term":60}',
        "amount-max": '{"calculate":"loan","sellingPrice":"999999999999.99","apr":"100","term":1200,"frequency":"weekly","includeSchedule":true}',
        "amount-over": '{"calculate":"loan","sellingPrice":"1000000000000.00","apr":"6","term":60}',
        "amount-sum-over": '{' + base.replace('30000.00', '999999999999.99') + ',"addOns":[' + ",".join('{"amount":"999999999999.99"}' for _ in range(100)) + ']}',
        "huge-exponent": '{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":6e999999999}',
        "huge-exponent-string": '{"calculate":"loan","sellingPrice":"3e999999999","apr":"6","term":60}',
        "huge-number": '{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":' + "9" * 400 + '}',
        "number-fraction": '{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60.0}',
        "term-0": '{' + base.replace('60', '0') + '}',
        "term-1201": '{' + base.replace('60', '1201') + '}',
        "term-negative": '{' + base.replace('60', '-1') + '}',
        "term-int-max": '{' + base.replace('60', '9223372036854775808') + '}',
        "apr-100": '{' + base.replace('"6"', '"100"') + '}',
        "apr-negative": '{' + base.replace('"6"', '"-0.01"') + '}',
        "apr-nan": '{' + base.replace('"6"', '"NaN"') + '}',
        "apr-infinity": '{' + base.replace('"6"', '"Infinity"') + '}',
        "items-100": '{' + base + ',"addOns":[' + ",".join('{"amount":"1.00"}' for _ in range(100)) + ']}',
        "items-101": '{' + base + ',"fees":[' + ",".join('{"amount":"1.00"}' for _ in range(101)) + ']}',
        "tradeins-11": '{' + base + ',"tradeIns":[' + ",".join('{"allowance":"1.00"}' for _ in range(11)) + ']}',
        "duplicate-key": '{' + base + ',"term":61}',
        "duplicate-key-escaped": '{' + base + ',"t\\u0065rm":61}',
        "nul-in-string": '{' + base.replace('30000.00', '30000.00\\u0000') + '}',
        "nul-raw": b'{"calculate":"loan\x00","sellingPrice":"30000.00","apr":"6","term":60}',
        "nul-after": ('{' + base + '}').encode() + b"\x00",
        "invalid-utf8": b'{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60,"currency":"\xff\xfe"}',
        "overlong-utf8": b'{"calculate":"lo\xc1\xafan"}',
        "lone-surrogate": '{"calculate":"\\ud800"}',
        "bom": b"\xef\xbb\xbf{}",
        "trailing-comma": '{' + base + ',}',
        "unknown-field": '{' + base + ',"sellingprice":"1"}',
        "balloon-two": '{' + base + ',"balloon":{"amount":"1.00","percentOfSellingPrice":"10"}}',
        "balloon-over": '{' + base + ',"balloon":{"amount":"40000.00"}}',
        "negative-amounts": '{' + base + ',"downPayment":"-5000.00","rebates":[{"amount":"-1.00"}],"tradeIns":[{"allowance":"-1","payoff":"-2"}]}',
        "big-negative-equity": '{' + base + ',"tradeIns":[{"allowance":"0","payoff":"999999999999.99"}],"includeSchedule":true}',
        "down-exceeds": '{' + base + ',"downPayment":"30000.00"}',
        "dates": '{' + base + ',"contractDate":"2024-02-29","firstPaymentDate":"2024-04-15","oddDays":"interest","includeSchedule":true}',
        "dates-bad": '{' + base + ',"contractDate":"2023-02-29","firstPaymentDate":"0000-00-00"}',
        "dates-far": '{' + base + ',"contractDate":"9999-12-31","firstPaymentDate":"9999-12-31"}',
        "jpy": '{"calculate":"loan","currency":"JPY","sellingPrice":"3000000","apr":"2.9","term":84,"includeSchedule":true}',
        "every-field": '{' + base + ',"currency":"USD","msrp":"32000.00","addOns":[{"name":"Tint","amount":"300.00"}],'
                      '"products":[{"name":"GAP","amount":"795.00","taxable":true}],"fees":[{"name":"Doc","amount":"499.00",'
                      '"taxable":true,"financed":false,"prepaidFinanceCharge":true}],"tradeIns":[{"allowance":"8000.00","payoff":"9500.00"}],'
                      '"downPayment":"2000.00","rebates":[{"name":"Loyalty","amount":"1000.00"}],"tax":{"rate":"7.25","financed":false,'
                      '"tradeInCredit":true,"rebatesReduceTaxBase":true},"frequency":"biweekly","paymentTiming":"advance",'
                      '"balloon":{"percentOfMsrp":"35"},"rounding":"standard","includeSchedule":true,"explain":true}',
        "rounding-unknown": '{' + base + ',"rounding":"bankers"}',
        "rounding-object": '{' + base + ',"balloon":{"amount":"5000.00"},"contractDate":"2026-01-01","firstPaymentDate":"2026-02-15",'
                           '"includeSchedule":true,"rounding":{"base":"effectiveAnnualRate","payment":"up","paymentIncrement":"1",'
                           '"totals":"exactPaymentRoundedOnce","balloonTiming":"onePeriodAfter","oddDays":"actualOver365","interest":"towardZero"}}',
        "rounding-rate-kept": '{' + base + ',"includeSchedule":true,"rounding":{"base":"standard","periodicRate":"truncated","periodicRateDecimals":20}}',
        "rounding-bad-override": '{' + base + ',"rounding":{"base":"standard","periodicRateDecimals":5}}',
        "reconcile-loan": '{"calculate":"reconcile","request":{' + base + '},"quoted":{"periodicPayment.total":"579.97","totalOfPayments":"34798"}}',
        "reconcile-lease": '{"calculate":"reconcile","request":{"calculate":"lease","msrp":"40000.00","sellingPrice":"37000.00",'
                           '"residual":{"percent":"58"},"apr":"5.9","term":36,"tax":{"components":[{"name":"State","rate":"4"},'
                           '{"name":"County","rate":"2.35"}],"method":"monthly"}},"quoted":{"periodicPayment.total":"$503.8"}}',
    }
    for name, text in hostile.items():
        write("FuzzRequest", f"hostile-{name}.json", text)


def decimal_corpus():
    seeds = ["0", "-0", "0.00", "12.50", "-1.23", "30000.00", "007", "-0.000", "1" * 38, "1" * 39,
             "0." + "0" * 37 + "1", "0." + "0" * 38 + "1", "9" * 38 + ".0", "1e3", "+1", ".5", "5.", "1,000.00",
             " 1", "1 ", "NaN", "Infinity", "--1", "1.2.3", "١٢٣", "\uff11", "1\x00", "", "-", "0" * 2000 + "1",
             "99999999999999999999999999999999999999.9", "170141183460469231731687303715884105727",
             "340282366920938463463374607431768211455"]
    for index, seed in enumerate(seeds):
        write("FuzzDecimal", f"seed-{index:02d}", seed)
    write("FuzzDecimal", "invalid-utf8", b"12\xff.5")
    write("FuzzDecimal", "overlong-digit", b"\xc0\xb1")


def cabi_corpus():
    # Byte 0 % 3 picks the surface; see Fuzz/Support/CABIChecks.swift.
    for name in ["hostile-every-field.json", "hostile-depth-65.json", "hostile-invalid-utf8.json", "hostile-kind-lease.json",
                 "hostile-amount-max.json", "hostile-empty.json"]:
        request = open(os.path.join(CORPUS, "FuzzRequest", name), "rb").read()
        for small in range(4):
            write("FuzzCABI", f"calculate-{small}-{name}", bytes([0, 0, 40, small]) + request)
    for index, text in enumerate(["436.66", "-2.345", "0.005", "9223372036854775807", "92233720368547758.08", "1" * 40, "1e3", "", "\xff"]):
        for scale, rule in [(2, 7), (0, 10), (38, 8), (200, 3), (39, 11)]:
            data = text.encode("utf-8", "surrogateescape") if text != "\xff" else b"\xff"
            write("FuzzCABI", f"decimal-{index}-{scale}-{rule}", bytes([1, scale, rule, 48]) + data)
    loans = [("30000.00", "10000.00", "6", 60), ("30000.00", "", "0", 1), ("999999999999.99", "", "100", 1200),
             ("1.00", "0.99", "99.9999999999", 7), ("0.00", "", "6", 60), ("30000", "", "6.9", 72), ("-5", "", "6", 60)]
    for index, (principal, balloon, apr, term) in enumerate(loans):
        for header in [(2, 0, 0, 7), (2, 7, 1, 8), (2, 9, 2, 10)]:
            tail = bytes([term >> 8 & 0xFF, term & 0xFF, 2])
            data = bytes(header) + principal.encode() + b"\xff" + balloon.encode() + b"\xff" + apr.encode() + b"\xff" + tail
            write("FuzzCABI", f"loan-{index}-{header[1]}-{header[2]}", data)


def adf_corpus():
    for path in sorted(glob.glob(os.path.join(ROOT, "..", "Samples", "leads", "*.adf.xml"))):
        write("FuzzADF", "sample-" + os.path.basename(path), open(path, "rb").read())
    for path in sorted(glob.glob(os.path.join(ROOT, "..", "Vectors", "leads", "*.json"))):
        for case in json.load(open(path))["cases"]:
            request = case["request"]
            if isinstance(request, dict) and isinstance(request.get("xml"), str):
                write("FuzzADF", f"vector-{case['id']}.xml", request["xml"])
            if isinstance(request, dict) and isinstance(request.get("xmlBase64"), str):
                write("FuzzADF", f"vector-{case['id']}.xml", base64.b64decode(request["xmlBase64"]))
    lead = ('<?xml version="1.0"?><?adf version="1.0"?><adf><prospect><requestdate>2024-03-01T10:00:00-05:00</requestdate>'
            '<vehicle interest="buy" status="new"><year>2024</year><make>Honda</make><model>Accord</model></vehicle>'
            '<customer><contact><name part="full">Ann Lee</name><email>ann@example.com</email></contact></customer>'
            '<vendor><vendorname>Main St Motors</vendorname></vendor></prospect></adf>')
    laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)) + ']><adf>&lol9;</adf>'
    hostile = {
        "lead": lead,
        "billion-laughs": laughs,
        "external-entity": '<?xml version="1.0"?><!DOCTYPE adf [<!ENTITY x SYSTEM "file:///etc/passwd">]><adf>&x;</adf>',
        "depth-999": "<a>" * 999 + "</a>" * 999,
        "depth-1001": "<a>" * 1001 + "</a>" * 1001,
        "unclosed": lead[:-20],
        "mismatched": "<adf><prospect></adf></prospect>",
        "invalid-utf8": lead.encode().replace(b"Ann", b"A\xff\xfen"),
        "nul": lead.encode().replace(b"Ann", b"A\x00n"),
        "char-refs": "<adf><prospect><customer><contact><name>&#0;&#xD800;&#1114112;&#x41;&#65;&amp;&bogus;</name></contact></customer></prospect></adf>",
        "cdata": "<adf><prospect><comments><![CDATA[a]]b<c>&amp;]]></comments><comments><![CDATA[never closed</comments></prospect></adf>",
        "comment": "<adf><!-- a -- b --><prospect/><!-- unclosed </adf>",
        "attributes-unquoted": "<adf><prospect status=new/></adf>",
        "attributes-many": "<adf><prospect " + " ".join(f'a{i}="{i}"' for i in range(300)) + "/></adf>",
        "attribute-duplicate": '<adf><prospect status="new" status="resend"/></adf>',
        "attribute-whitespace": '<adf><prospect status="new\t\n\r"><comments x="a&#10;b&#9;c&#13;d">t</comments></prospect></adf>',
        "pi-first": '<?ADF VERSION "1.0"?><?xml version="1.0"?><ADF><PROSPECT/></ADF>',
        "bom": b"\xef\xbb\xbf" + lead.encode(),
        "long-text": "<adf><prospect><comments>" + "x" * 100000 + "</comments></prospect></adf>",
        "two-roots": "<adf/><adf/>",
        "text-only": "just text",
        "empty": "",
    }
    for name, text in hostile.items():
        write("FuzzADF", f"hostile-{name}.xml", text)


if __name__ == "__main__":
    request_corpus()
    adf_corpus()
    decimal_corpus()
    cabi_corpus()
    for target in sorted(os.listdir(CORPUS)):
        print(target, len(os.listdir(os.path.join(CORPUS, target))))
