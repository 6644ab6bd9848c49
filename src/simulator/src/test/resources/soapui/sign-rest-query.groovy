// Signs this test case's REST-Query request with AWS signature version 1, as a desktop product does.
// Expires = now + 15 minutes. Every parameter named in the test case property SignedParameters takes
// its value from the test case property of the same name (property-expanded); they are sorted by
// name ignoring case and concatenated as name + value, with no separators and no URL encoding; the
// text is signed with HMAC-SHA1 and the test case property SecretAccessKey, then Base64-encoded.
// Sets the test case properties Expires and Signature, which the request step sends.
// The project's JUnit runner recognises exactly this script (see docs/soapui.md); keep every copy equal.
import java.time.Instant
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter
import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec

def testCase = testRunner.testCase
def expires = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC)
        .format(Instant.now().plusSeconds(15 * 60))
testCase.setPropertyValue('Expires', expires)
def names = testCase.getPropertyValue('SignedParameters').split(',').collect { it.trim() }
names.sort(String.CASE_INSENSITIVE_ORDER)
def text = new StringBuilder()
for (name in names) {
    text.append(name).append(context.expand('${#TestCase#' + name + '}'))
}
def mac = Mac.getInstance('HmacSHA1')
mac.init(new SecretKeySpec(context.expand('${#TestCase#SecretAccessKey}').getBytes('UTF-8'), 'HmacSHA1'))
testCase.setPropertyValue('Signature', java.util.Base64.getEncoder().encodeToString(mac.doFinal(text.toString().getBytes('UTF-8'))))
