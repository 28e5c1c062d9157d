import LectorCore
import LectorMetadata
import Logging

/// Runs the metadata processor with default options over `text`.
func runMetadata(
    _ text: String,
    metadata: JSONObject = JSONObject(),
    processor: MetadataProcessor = MetadataProcessor()
) -> Document {
    let context = ProcessingContext(logger: Logger(label: "test"))
    return processor.process(Document(id: "test", text: text, metadata: metadata), context: context)
}
