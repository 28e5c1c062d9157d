import LectorEntities
import LectorExternal
import LectorLanguage
import LectorMetadata
public import LectorPipeline
import LectorSentiment
import LectorSummary

extension ProcessorRegistry {
    /// Every processor that ships inside the `lector` binary.
    public static let builtIn = ProcessorRegistry(
        [
            MetadataProcessorFactory(), LanguageProcessorFactory(), EntitiesProcessorFactory(),
            SummaryProcessorFactory(), SentimentProcessorFactory(), ExecPluginFactory(), LibraryPluginFactory(),
        ],
        defaultChain: ["metadata", "language", "entities", "summary", "sentiment"]
    )
}
