// The project's pom.xml is the quick-start pom of docs/plugin.md, word for word, so the page and this test cannot
// drift apart; the model is the repository's own (the quick start tells users to copy it the same way).

def doc = new File(quickStartDoc).text
def section = doc.substring(doc.indexOf('\n## Quick start\n'))
def xml = (section =~ /(?s)```xml\n(.*?)\n```/)
assert xml.find() : "no ```xml block in the Quick start section of ${quickStartDoc}"
new File(basedir, 'pom.xml').text = xml.group(1) + '\n'

def modelDir = new File(basedir, 'src/main/model/dynamodbstreams')
modelDir.mkdirs()
new File(repositoryModel).eachFileMatch(~/.*\.json/) { file -> new File(modelDir, file.name).bytes = file.bytes }
return true
